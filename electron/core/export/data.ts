/**
 * What the summary exports (references, fact-check reports) read, loaded once per export: the
 * review file, every reviewer's shard (annotations and study values, as stored, not anchored) and
 * lookups between them. The exports of everything (sheet, JSON, JSON-LD) stream the review instead.
 */
import type { Annotation, AnnotationFile, ArticleIndexEntry, ReviewFile } from '../../../shared/model/index.js';
import { pageOfSelector, quoteOf } from '../../../shared/anchoring/selectors.js';
import { articleLabel } from '../../../shared/sheet/labels.js';
import type { CoreContext } from '../context.js';

export interface ReviewData {
  review: ReviewFile;
  /** Library order, then reviewer id. */
  shards: AnnotationFile[];
  /** Library order, then creation time (every reviewer). */
  annotations: Annotation[];
  byId: Map<string, Annotation>;
  articles: Map<string, ArticleIndexEntry>;
  labels: Map<string, string>;
  /** Reviewer id → display name. */
  reviewerNames: Map<string, string>;
}

export async function loadReviewData(ctx: CoreContext): Promise<ReviewData> {
  const review = ctx.store.review;
  const shards = await ctx.store.allShards();
  const order = new Map(review.articles.map((a, i) => [a.id, i]));
  const annotations = shards
    .flatMap((s) => s.annotations)
    .sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) || compare(a.created, b.created) || compare(a.id, b.id));
  return {
    review,
    shards,
    annotations,
    byId: new Map(annotations.map((a) => [a.id, a])),
    articles: new Map(review.articles.map((a) => [a.id, a])),
    labels: new Map(review.articles.map((a) => [a.id, articleLabel(a)])),
    reviewerNames: new Map(review.reviewers.map((r) => [r.id, r.name || r.id])),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The PDF page an annotation was made on (its FragmentSelector), or null. */
export function pageOf(annotation: Annotation): number | null {
  for (const s of annotation.target.selector) if (s.type === 'FragmentSelector') return pageOfSelector(s);
  return null;
}

export interface LinkedQuote {
  annotationId: string;
  /** null when the linked annotation no longer exists (its article was deleted). */
  articleId: string | null;
  label: string | null;
  quote: string | null;
}

/** The quotes a discrepancy is linked to, in the order the reviewer linked them. */
export function linkedQuotes(annotation: Annotation, data: ReviewData): LinkedQuote[] {
  if (annotation.body.type !== 'discrepancy') return [];
  return annotation.body.links.map((id) => {
    const linked = data.byId.get(id);
    if (!linked) return { annotationId: id, articleId: null, label: null, quote: null };
    return { annotationId: id, articleId: linked.articleId, label: data.labels.get(linked.articleId) ?? linked.articleId, quote: quoteOf(linked) };
  });
}

/** Linked quotes as one readable cell: "Werth 2022: “…” | …". */
export function linkedText(links: readonly LinkedQuote[]): string {
  return links.map((l) => (l.quote === null ? `${l.annotationId}: (annotation no longer exists)` : `${l.label}: “${l.quote}”`)).join(' | ');
}

export function reviewerName(data: ReviewData, id: string): string {
  return data.reviewerNames.get(id) ?? id;
}
