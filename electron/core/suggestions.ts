/**
 * Outcome suggestions in the reader: the finder's results for one article minus what a person
 * rejected and what is already tagged as an outcome; accepting one makes an ordinary outcome record.
 */
import { fieldsAt } from '../../shared/templates/values.js';
import type { AnchoredAnnotation, OutcomeSuggestion } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { recordFields } from '../../shared/suggestions/record.js';
import type { Annotations } from './annotations.js';
import type { CoreContext } from './context.js';
import type { FindingsCache } from './findings.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export class Suggestions {
  constructor(
    private readonly ctx: CoreContext,
    private readonly annotations: Annotations,
    private readonly findings: FindingsCache,
  ) {}

  async list(articleId: string): Promise<OutcomeSuggestion[]> {
    const article = await this.ctx.store.readArticle(articleId);
    const rejected = this.rejectedKeys(articleId);
    const tagged = (await this.annotations.forArticle(articleId)).flatMap((a) =>
      a.body.type === 'outcome' && a.anchor.status !== 'orphan' ? [{ start: a.anchor.start, end: a.anchor.end }] : [],
    );
    return this.findings.of(article).outcomes.filter((s) => !rejected.has(s.key) && !tagged.some((t) => overlaps(t, s.quote)));
  }

  async accept(articleId: string, key: string, reviewer: string | undefined): Promise<AnchoredAnnotation> {
    this.ctx.assertWritable();
    const suggestion = (await this.list(articleId)).find((s) => s.key === key);
    if (!suggestion) throw gone(key);
    // The review's first template is the one the reader's outcome form starts with.
    const template = this.ctx.store.review.templates[0]!;
    const keys = new Set([...fieldsAt(template, 'outcome').values()].filter((f) => !f.retired).map((f) => f.key));
    return this.annotations.create({
      articleId,
      start: suggestion.quote.start,
      end: suggestion.quote.end,
      exact: suggestion.quote.exact,
      body: { type: 'outcome', template: { id: template.id, version: template.version }, fields: recordFields(suggestion, keys), status: 'in-progress', tags: [] },
      ...(reviewer === undefined ? {} : { reviewer }),
    });
  }

  async reject(articleId: string, key: string, reviewer: string | undefined): Promise<{ key: string }> {
    this.ctx.assertWritable();
    const article = await this.ctx.store.readArticle(articleId);
    if (!this.findings.of(article).outcomes.some((s) => s.key === key)) throw gone(key);
    if (this.rejectedKeys(articleId).has(key)) return { key };
    await this.ctx.store.updateReview((review) => {
      review.rejectedSuggestions.push({ articleId, key, reviewer: reviewer ?? this.ctx.defaultReviewer, at: new Date().toISOString() });
    });
    return { key };
  }

  private rejectedKeys(articleId: string): Set<string> {
    return new Set(this.ctx.store.review.rejectedSuggestions.filter((r) => r.articleId === articleId).map((r) => r.key));
  }
}

function gone(key: string): EvidentiaError {
  return new EvidentiaError('not-found', `The suggestion ${key} is no longer offered: it was rejected or tagged already, or the article's text changed. Reload the article.`);
}
