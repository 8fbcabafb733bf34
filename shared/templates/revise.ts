/**
 * Template editing rules. A saved edit becomes the next version; any field the edit leaves out is
 * kept as retired (in its old section), so values captured under earlier versions never lose
 * their column. Keys must be unique per level, because values are stored by key.
 */
import { EvidentiaError } from '../result.js';
import { slugify } from '../text/slug.js';
import type { Template, TemplateField, TemplateSection } from '../model/template.js';

export type TemplateDraft = Pick<Template, 'id' | 'name' | 'sections'>;

function problems(draft: TemplateDraft): string[] {
  const out: string[] = [];
  const sectionKeys = new Set<string>();
  const fieldKeys = { study: new Set<string>(), outcome: new Set<string>() };
  for (const section of draft.sections) {
    if (sectionKeys.has(section.key)) out.push(`two sections share the key "${section.key}"`);
    sectionKeys.add(section.key);
    for (const field of section.fields) {
      const seen = fieldKeys[section.level];
      if (seen.has(field.key)) out.push(`two ${section.level}-level fields share the key "${field.key}"`);
      seen.add(field.key);
      if ((field.kind === 'single' || field.kind === 'multiple') && field.options.length === 0 && !field.retired) {
        out.push(`the choice field "${field.label}" has no options`);
      }
      if (new Set(field.options).size !== field.options.length) out.push(`the field "${field.label}" lists an option twice`);
    }
  }
  if (!draft.sections.some((s) => s.level === 'outcome' && s.fields.some((f) => !f.retired))) {
    out.push('a template needs at least one outcome-level field');
  }
  return out;
}

export function validateDraft(draft: TemplateDraft): void {
  const found = problems(draft);
  if (found.length > 0) throw new EvidentiaError('bad-input', `The template cannot be saved: ${found.join('; ')}.`);
}

/** The next version of `current` from an edited draft (same id). Throws bad-input for an invalid draft. */
export function reviseTemplate(current: Template, draft: TemplateDraft, now: string): Template {
  if (draft.id !== current.id) throw new EvidentiaError('bad-input', `Template ids differ: ${draft.id} is not ${current.id}.`);
  validateDraft(draft);
  const sections: TemplateSection[] = draft.sections.map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f })) }));
  const present = new Set(sections.flatMap((s) => s.fields.map((f) => `${s.level}:${f.key}`)));
  for (const old of current.sections) {
    const dropped: TemplateField[] = old.fields
      .filter((f) => !present.has(`${old.level}:${f.key}`))
      .map((f) => ({ ...f, retired: true }));
    if (dropped.length === 0) continue;
    const home = sections.find((s) => s.key === old.key && s.level === old.level);
    if (home) home.fields.push(...dropped);
    else sections.push({ ...old, fields: dropped });
  }
  return { id: current.id, name: draft.name, version: current.version + 1, updated: now, sections };
}

/** A new template's id from its name, unique among `taken`. */
export function templateIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name, { max: 50, fallback: 'template' });
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
