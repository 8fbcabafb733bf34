/**
 * The board's pure parts: labels, filtering and grouping of discrepancy items, and which quotes
 * the side-by-side reader puts in its two panes. No React, no api: easy to reason about and test.
 */
import {
  DISCREPANCY_KIND_LABELS,
  discrepancyKindLabel,
  RULES_REVIEWER,
  type DiscrepancyItem,
  type DiscrepancyQuote,
  type DiscrepancyStatus,
  type Severity,
} from '../../../shared/model/index';

export const STATUSES: readonly DiscrepancyStatus[] = ['suggested', 'confirmed', 'dismissed'];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

export const STATUS_LABELS: Record<DiscrepancyStatus, string> = {
  suggested: 'Suggested',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The rule kinds, then the words people use when they tag by hand. */
export const KIND_SUGGESTIONS: readonly string[] = [
  ...Object.keys(DISCREPANCY_KIND_LABELS),
  'author',
  'value',
  'population',
  'outcome definition',
  'other',
];

/** How a kind reads (the same on the board, in the CLI and in the reports). */
export const kindLabel = discrepancyKindLabel;

export function byRules(item: DiscrepancyItem): boolean {
  return item.reviewer === RULES_REVIEWER;
}

/** "No study group" in the study filter and as a section title. */
export const NO_STUDY = '';

export interface Filters {
  statuses: ReadonlySet<DiscrepancyStatus>;
  /** '' = every kind. */
  kind: string;
  /** null = every study; NO_STUDY = items without one; else a study group id. */
  study: string | null;
}

export const DEFAULT_FILTERS: Filters = { statuses: new Set(['suggested', 'confirmed']), kind: '', study: null };

export function applyFilters(items: readonly DiscrepancyItem[], filters: Filters): DiscrepancyItem[] {
  return items.filter(
    (item) =>
      filters.statuses.has(item.status) &&
      (filters.kind === '' || item.kind === filters.kind) &&
      (filters.study === null || (item.studyGroupId ?? NO_STUDY) === filters.study),
  );
}

export type Grouping = 'kind' | 'study';

export interface Section {
  key: string;
  title: string;
  items: DiscrepancyItem[];
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const STATUS_RANK: Record<DiscrepancyStatus, number> = { suggested: 0, confirmed: 1, dismissed: 2 };

/** Within a section: waiting ones first, then the most serious, then the oldest. */
function compareItems(a: DiscrepancyItem, b: DiscrepancyItem): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.created.localeCompare(b.created) ||
    a.id.localeCompare(b.id)
  );
}

export function groupItems(items: readonly DiscrepancyItem[], grouping: Grouping): Section[] {
  const sections = new Map<string, Section>();
  for (const item of items) {
    const key = grouping === 'kind' ? item.kind : (item.studyGroupId ?? NO_STUDY);
    const title = grouping === 'kind' ? kindLabel(item.kind) : key === NO_STUDY ? 'No study group' : item.studyLabel || 'Unnamed study';
    let section = sections.get(key);
    if (!section) sections.set(key, (section = { key, title, items: [] }));
    section.items.push(item);
  }
  const list = [...sections.values()];
  for (const s of list) s.items.sort(compareItems);
  // Studies first and "No study group" last; kinds by label.
  return list.sort((a, b) => Number(a.key === NO_STUDY) - Number(b.key === NO_STUDY) || a.title.localeCompare(b.title));
}

/** A quote and where it is in its article's text; null range when the quote could not be found. */
export interface PaneQuote {
  quote: DiscrepancyQuote;
  start: number | null;
  end: number | null;
}

export function rangeOf(quote: DiscrepancyQuote): PaneQuote {
  const a = quote.anchor;
  return a.status === 'orphan' || a.end <= a.start ? { quote, start: null, end: null } : { quote, start: a.start, end: a.end };
}

/**
 * The two panes of the side-by-side reader: the first quotes of the first two distinct articles;
 * a discrepancy inside one article shows that article twice, each pane at one of its quotes. A
 * single quote gives one pane.
 */
export function panesOf(item: DiscrepancyItem): DiscrepancyQuote[] {
  const [first, ...rest] = item.quotes;
  if (!first) return [];
  const other = rest.find((q) => q.articleId !== first.articleId) ?? rest[0];
  return other ? [first, other] : [first];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
