/**
 * The extraction sheet as data: one row per outcome, one per discrepancy, with the article's
 * bibliographic fields and the quote each value came from. CSV and JSON exports both start here,
 * so the two formats always agree.
 */
import {
  OUTCOME_FIELDS,
  type AnchoredAnnotation,
  type ArticleIndexEntry,
  type OutcomeField,
} from '../../../shared/model/index.js';
import { quoteOf } from '../../../shared/anchoring/index.js';

export const SHEET_COLUMNS = [
  'type',
  'article_id',
  'title',
  'journal',
  'year',
  'reviewer',
  'annotation_id',
  ...OUTCOME_FIELDS,
  'quote',
  'page',
  'anchor_status',
  'discrepancy_kind',
  'discrepancy_note',
  'linked_quotes',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export type SheetRow = Record<Exclude<SheetColumn, 'year' | 'page'>, string> & { year: number | null; page: number | null };

export interface LinkedQuote {
  annotationId: string;
  /** null when the linked annotation no longer exists (its article was deleted). */
  articleId: string | null;
  quote: string | null;
  title: string | null;
}

/** The page the annotation is on now, else the page it was made on, else null (not a PDF). */
export function pageOf(annotation: AnchoredAnnotation): number | null {
  if (annotation.anchor.status !== 'orphan' && annotation.anchor.page !== null) return annotation.anchor.page;
  const fragment = annotation.target.selector.find((s) => s.type === 'FragmentSelector');
  const match = fragment?.type === 'FragmentSelector' ? /^page=(\d+)$/.exec(fragment.value) : null;
  return match ? Number(match[1]) : null;
}

const BLANK_FIELDS = Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, ''])) as Record<OutcomeField, string>;

export class Sheet {
  private readonly articles: Map<string, ArticleIndexEntry>;
  private readonly annotations: Map<string, AnchoredAnnotation>;

  /** `annotations` in the order rows should appear (library order, then creation time). */
  constructor(
    articles: readonly ArticleIndexEntry[],
    private readonly ordered: readonly AnchoredAnnotation[],
  ) {
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.annotations = new Map(ordered.map((a) => [a.id, a]));
  }

  links(annotation: AnchoredAnnotation): LinkedQuote[] {
    if (annotation.body.type !== 'discrepancy') return [];
    return annotation.body.links.map((id) => {
      const linked = this.annotations.get(id);
      if (!linked) return { annotationId: id, articleId: null, quote: null, title: null };
      return { annotationId: id, articleId: linked.articleId, quote: quoteOf(linked), title: this.articles.get(linked.articleId)?.title ?? null };
    });
  }

  private base(annotation: AnchoredAnnotation): SheetRow {
    const article = this.articles.get(annotation.articleId);
    return {
      type: annotation.body.type,
      article_id: annotation.articleId,
      title: article?.title ?? '',
      journal: article?.journal ?? '',
      year: article?.year ?? null,
      reviewer: annotation.reviewer,
      annotation_id: annotation.id,
      ...BLANK_FIELDS,
      quote: quoteOf(annotation),
      page: pageOf(annotation),
      anchor_status: annotation.anchor.status,
      discrepancy_kind: '',
      discrepancy_note: '',
      linked_quotes: '',
    };
  }

  outcomeRows(): SheetRow[] {
    return this.ordered.flatMap((a) => (a.body.type === 'outcome' ? [{ ...this.base(a), ...a.body.fields }] : []));
  }

  discrepancyRows(): SheetRow[] {
    return this.ordered.flatMap((a) => {
      if (a.body.type !== 'discrepancy') return [];
      const linked = this.links(a)
        .map((l) => (l.quote === null ? `${l.annotationId}: (annotation no longer exists)` : `${l.articleId}: ${l.quote}`))
        .join(' | ');
      return [{ ...this.base(a), discrepancy_kind: a.body.kind, discrepancy_note: a.body.note, linked_quotes: linked }];
    });
  }
}

/** A file-name-safe form of the review name, e.g. "ProDERM review" → "proderm-review". */
export function exportBaseName(reviewName: string, now: Date): string {
  const slug = reviewName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'evidentia'}-extraction-${now.toISOString().slice(0, 10)}`;
}
