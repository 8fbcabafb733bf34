/**
 * The fact-check report's content, shared by its three renderings (report-md.ts, report-html.ts,
 * report-jsonld.ts): the discrepancy items grouped by status (confirmed, then suggested, then the
 * dismissed ones with their reasons, so a reader sees what was ruled out), counts by status and
 * kind, and the articles quoted, numbered once as "Sources" in library order.
 */
import type { Annotation, ArticleIndexEntry, DiscrepancyItem, DiscrepancyQuote, DiscrepancyStatus, Severity } from '../../../shared/model/index.js';
import { discrepancyKindLabel, RULES_REVIEWER } from '../../../shared/model/index.js';
import type { ReviewData } from './data.js';
import { doiIri } from './jsonld.js';

export interface ReportInput {
  reviewName: string;
  /** The review's article index, in library order. */
  articles: readonly ArticleIndexEntry[];
  /** Reviewer id → display name. */
  reviewerNames: ReadonlyMap<string, string>;
  /** Stored annotations by id: their TextQuoteSelector gives a quote's prefix and suffix (JSON-LD). */
  annotations?: ReadonlyMap<string, Annotation>;
}

export function reportInput(data: ReviewData): ReportInput {
  return { reviewName: data.review.name, articles: data.review.articles, reviewerNames: data.reviewerNames, annotations: data.byId };
}

/** An article quoted by the report, cited as [n]. */
export interface ReportSource {
  n: number;
  articleId: string;
  /** "Werth et al. 2022" */
  label: string;
  /** null when the article is no longer in the review. */
  article: ArticleIndexEntry | null;
  /** https://doi.org/… when the article has a DOI. */
  doiUrl: string | null;
  /** The article's URL when it is a plain http(s) address (anything else is never made a link). */
  url: string | null;
}

export interface ReportQuote {
  quote: DiscrepancyQuote;
  source: ReportSource;
  /** PDF page, when known. */
  page: number | null;
  /** The quote is no longer found in the article's text. */
  orphan: boolean;
}

export interface ReportEntry {
  /** Running number through the report (1-based). */
  n: number;
  item: DiscrepancyItem;
  /** "Journal named ≠ reference" for a rule's kind, else the reviewer's own word ("Discrepancy" when none). */
  kindLabel: string;
  /** Who found it: "Evidentia (rule)" or the reviewer's name. */
  foundBy: string;
  quotes: ReportQuote[];
}

export interface ReportSection {
  status: DiscrepancyStatus;
  title: string;
  entries: ReportEntry[];
}

export interface KindCount {
  kind: string;
  label: string;
  counts: Record<DiscrepancyStatus, number>;
  total: number;
}

export interface FactCheckReport {
  title: string;
  reviewName: string;
  /** ISO time of the export. */
  generated: string;
  /** "2025-03-01 14:05 UTC" */
  generatedText: string;
  total: number;
  byStatus: Record<DiscrepancyStatus, number>;
  byKind: KindCount[];
  /** Confirmed, suggested, dismissed: in that order, each present even when empty. */
  sections: ReportSection[];
  sources: ReportSource[];
}

export const STATUS_ORDER: readonly DiscrepancyStatus[] = ['confirmed', 'suggested', 'dismissed'];

export const STATUS_LABELS: Record<DiscrepancyStatus, string> = {
  suggested: 'Suggested',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

export const SEVERITY_LABELS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const SECTION_TITLES: Record<DiscrepancyStatus, string> = {
  confirmed: 'Confirmed discrepancies',
  suggested: 'Suggested discrepancies (not yet reviewed)',
  dismissed: 'Dismissed (ruled out)',
};

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };


/** Only plain web addresses become links: an imported record's "url" may be javascript: or data:. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s<>"'`\\]+$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

const zero = (): Record<DiscrepancyStatus, number> => ({ suggested: 0, confirmed: 0, dismissed: 0 });

export function buildReport(items: readonly DiscrepancyItem[], input: ReportInput, now: Date): FactCheckReport {
  const library = new Map(input.articles.map((a, i) => [a.id, { article: a, order: i }]));

  // Sources: every article quoted anywhere in the report, numbered in library order (articles no
  // longer in the review last, in order of appearance).
  const quoted = new Map<string, string>(); // articleId → label as the board shows it
  for (const item of items) for (const q of item.quotes) if (!quoted.has(q.articleId)) quoted.set(q.articleId, q.articleLabel);
  const order = (id: string) => library.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const sourceIds = [...quoted.keys()].map((id, seen) => ({ id, seen })).sort((a, b) => order(a.id) - order(b.id) || a.seen - b.seen);
  const sources: ReportSource[] = sourceIds.map(({ id }, i) => {
    const article = library.get(id)?.article ?? null;
    return {
      n: i + 1,
      articleId: id,
      label: quoted.get(id) || article?.title || id,
      article,
      doiUrl: article?.doi?.trim() ? doiIri(article.doi) : null,
      url: webUrl(article?.url),
    };
  });
  const sourceOf = new Map(sources.map((s) => [s.articleId, s]));

  const byStatus = zero();
  const kinds = new Map<string, KindCount>();
  for (const item of items) {
    byStatus[item.status]++;
    const label = discrepancyKindLabel(item.kind);
    const entry = kinds.get(label) ?? { kind: item.kind, label, counts: zero(), total: 0 };
    entry.counts[item.status]++;
    entry.total++;
    kinds.set(label, entry);
  }
  const byKind = [...kinds.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));

  let n = 0;
  const sections = STATUS_ORDER.map((status): ReportSection => {
    // Most serious first; otherwise the board's order (a stable sort).
    const chosen = items.filter((i) => i.status === status).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const entries = chosen.map(
      (item): ReportEntry => ({
        n: ++n,
        item,
        kindLabel: discrepancyKindLabel(item.kind),
        foundBy: item.reviewer === RULES_REVIEWER ? 'Evidentia (rule)' : (input.reviewerNames.get(item.reviewer) ?? item.reviewer),
        quotes: item.quotes.map((quote) => ({
          quote,
          source: sourceOf.get(quote.articleId)!,
          page: quote.anchor.status === 'orphan' ? null : quote.anchor.page,
          orphan: quote.anchor.status === 'orphan',
        })),
      }),
    );
    return { status, title: SECTION_TITLES[status], entries };
  });

  const iso = now.toISOString();
  return {
    title: `Fact-check report: ${input.reviewName}`,
    reviewName: input.reviewName,
    generated: iso,
    generatedText: `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`,
    total: items.length,
    byStatus,
    byKind,
    sections,
    sources,
  };
}

/** "NEJM, 2022" / "2022" / "" */
export function journalYear(article: ArticleIndexEntry | null): string {
  if (!article) return '';
  return [article.journal?.trim(), article.year === null ? '' : String(article.year)].filter(Boolean).join(', ');
}

/** "Werth VP, Aggarwal R, Charles-Schoeman C" (at most six, then "et al."). */
export function authorList(article: ArticleIndexEntry | null): string {
  if (!article || article.authors.length === 0) return '';
  const names = article.authors.map((a) => a.trim()).filter(Boolean);
  return names.length > 6 ? `${names.slice(0, 6).join(', ')}, et al.` : names.join(', ');
}

/** "1 confirmed, 2 suggested, 0 dismissed" */
export function statusSummary(report: FactCheckReport): string {
  return STATUS_ORDER.map((s) => `${report.byStatus[s]} ${s}`).join(', ');
}
