/**
 * The extraction as JSON: the same outcome rows as the CSV (typed: numbers stay numbers, no
 * spreadsheet escaping), each discrepancy with its linked quotes, and every annotation in full for
 * tools that want the W3C selectors.
 */
import type { AnchoredAnnotation, ArticleIndexEntry } from '../../../shared/model/index.js';
import { quoteOf } from '../../../shared/anchoring/index.js';
import type { LinkedQuote, Sheet, SheetRow } from './rows.js';

export const EXPORT_SCHEMA_VERSION = 1;

export interface JsonExport {
  schemaVersion: number;
  exportedAt: string;
  review: { name: string };
  articles: Array<Omit<ArticleIndexEntry, 'pageCount' | 'noTextLayer'>>;
  outcomes: SheetRow[];
  discrepancies: Array<{
    annotation: string;
    reviewer: string;
    kind: string;
    note: string;
    quote: string;
    article: { id: string; title: string | null };
    links: LinkedQuote[];
  }>;
  annotations: AnchoredAnnotation[];
}

export function buildJsonExport(
  reviewName: string,
  articles: readonly ArticleIndexEntry[],
  annotations: readonly AnchoredAnnotation[],
  sheet: Sheet,
  now: Date,
): JsonExport {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    review: { name: reviewName },
    articles: articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      authors: a.authors,
      journal: a.journal,
      year: a.year,
      doi: a.doi,
      fileName: a.fileName,
      sha256: a.sha256,
      importedAt: a.importedAt,
    })),
    outcomes: sheet.outcomeRows(),
    discrepancies: annotations.flatMap((a) =>
      a.body.type === 'discrepancy'
        ? [
            {
              annotation: a.id,
              reviewer: a.reviewer,
              kind: a.body.kind,
              note: a.body.note,
              quote: quoteOf(a),
              article: { id: a.articleId, title: titles.get(a.articleId) ?? null },
              links: sheet.links(a),
            },
          ]
        : [],
    ),
    annotations: [...annotations],
  };
}
