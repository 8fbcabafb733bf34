/** Templates in review.json: list, create (blank or a copy), save a new version. */
import type { Template } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { reviseTemplate, templateIdFor, validateDraft, type TemplateDraft } from '../../shared/templates/revise.js';
import type { CoreContext } from './context.js';

export class Templates {
  constructor(private readonly ctx: CoreContext) {}

  list(): Template[] {
    return this.ctx.store.review.templates;
  }

  /** The template with this id, or the first one (the review's default) when no id is given. */
  get(id?: string): Template {
    const templates = this.ctx.store.review.templates;
    const found = id === undefined ? templates[0] : templates.find((t) => t.id === id);
    if (!found) throw new EvidentiaError('not-found', `No template "${id}" in this review.`);
    return found;
  }

  async save(draft: TemplateDraft): Promise<Template> {
    this.ctx.assertWritable();
    const current = this.get(draft.id);
    const next = reviseTemplate(current, draft, new Date().toISOString());
    await this.ctx.store.updateReview((review) => {
      review.templates = review.templates.map((t) => (t.id === next.id ? next : t));
    });
    return next;
  }

  async create(name: string, copyOf?: string): Promise<Template> {
    this.ctx.assertWritable();
    const taken = new Set(this.list().map((t) => t.id));
    const source = copyOf === undefined ? null : this.get(copyOf);
    const template: Template = {
      id: templateIdFor(name, taken),
      name,
      version: 1,
      updated: new Date().toISOString(),
      sections: source
        ? structuredClone(source.sections)
        : [{ key: 'outcomes', title: 'Outcomes', level: 'outcome', fields: [{ key: 'outcome', label: 'Outcome', kind: 'text', help: '', required: true, options: [], retired: false }] }],
    };
    validateDraft(template);
    await this.ctx.store.updateReview((review) => {
      review.templates.push(template);
    });
    return template;
  }
}
