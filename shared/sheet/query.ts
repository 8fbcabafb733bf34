/**
 * Filter, sort, group and page the sheet's rows. Pure and fast enough for 100,000 rows per
 * keystroke: every row's search text and sort keys are computed once and cached per row object, and
 * the filtered, sorted and grouped list is kept per data set and query, so fetching the next window
 * of rows while scrolling is a slice. A SheetData is treated as immutable (the core builds a new one
 * after every write).
 */
import type { FieldValue } from '../model/template.js';
import type { SheetFacets, SheetGroupRow, SheetPage, SheetQuery, SheetRecordRow, SheetRow } from '../model/sheet.js';
import type { SheetData } from './build.js';

/** Lowercase, accents stripped, Unicode minus as "-": what text filters and sorting compare. */
const ASCII = /^[\x00-\x7f]*$/;
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase(); // most cells: skip the costly normalisation
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .toLowerCase();
}

export function cellText(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}

/** "−9.36" → -9.36, "1,5" → 1.5; null for anything that is not a plain number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\u2212/g, '-').replace(/\s/g, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?%?$/i.test(t)) return null;
  const n = Number(t.replace(',', '.').replace('%', ''));
  return Number.isFinite(n) ? n : null;
}

const searchText = new WeakMap<SheetRecordRow, string>();
function searchable(row: SheetRecordRow): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = fold(
      [row.articleLabel, row.articleTitle, row.reviewer, row.quote, row.status ?? '', row.tags.join(' '), ...Object.values(row.values).map(cellText)].join('\u0001'),
    );
    searchText.set(row, text);
  }
  return text;
}

/** A cell's stored value: the fixed columns from the row, o.* and s.* from its values. */
export function cellValue(row: SheetRecordRow, column: string): FieldValue | undefined {
  switch (column) {
    case 'article':
      return row.articleLabel;
    case 'reviewer':
      return row.reviewer;
    case 'status':
      return row.status;
    case 'quote':
      return row.quote;
    case 'tags':
      return row.tags;
    default:
      return row.values[column];
  }
}

function columnValue(row: SheetRecordRow, column: string): string {
  return cellText(cellValue(row, column));
}

type SortKey = { num: number | null; text: string; empty: boolean };
const sortKeys = new WeakMap<SheetRecordRow, Map<string, SortKey>>();
function sortKey(row: SheetRecordRow, column: string): SortKey {
  let keys = sortKeys.get(row);
  if (!keys) sortKeys.set(row, (keys = new Map()));
  let key = keys.get(column);
  if (!key) {
    const raw = columnValue(row, column);
    key = { num: parseNumber(raw), text: fold(raw), empty: raw.trim() === '' };
    keys.set(column, key);
  }
  return key;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.empty !== b.empty) return a.empty ? 1 : -1; // empty cells last, whatever the direction
  if (a.num !== null && b.num !== null) return a.num - b.num;
  if (a.num !== null) return -1;
  if (b.num !== null) return 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

export function outcomeName(row: SheetRecordRow): string {
  return cellText(row.values['o.outcome']).trim();
}

export function filterRows(rows: readonly SheetRecordRow[], filter: SheetQuery['filter']): SheetRecordRow[] {
  const text = filter.text?.trim() ? fold(filter.text.trim()) : null;
  const outcome = filter.outcome?.trim() ? fold(filter.outcome.trim()) : null;
  return rows.filter(
    (row) =>
      (filter.articleId === undefined || row.articleId === filter.articleId) &&
      (filter.reviewer === undefined || row.reviewer === filter.reviewer) &&
      (filter.status === undefined || row.status === filter.status) &&
      (filter.tag === undefined || row.tags.includes(filter.tag)) &&
      (outcome === null || fold(outcomeName(row)) === outcome) &&
      (text === null || searchable(row).includes(text)),
  );
}

export function sortRows(rows: SheetRecordRow[], sort: SheetQuery['sort']): SheetRecordRow[] {
  if (sort.length === 0) return rows;
  const keyed = rows.map((row, index) => ({ row, index, keys: sort.map((s) => sortKey(row, s.column)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i += 1) {
      const ka = a.keys[i]!;
      const kb = b.keys[i]!;
      let c = compareKeys(ka, kb);
      if (c !== 0 && sort[i]!.direction === 'desc' && ka.empty === kb.empty) c = -c;
      if (c !== 0) return c;
    }
    return a.index - b.index; // stable
  });
  return keyed.map((k) => k.row);
}

function groupRows(rows: SheetRecordRow[], groupBy: SheetQuery['groupBy'], collapsed: ReadonlySet<string>): SheetRow[] {
  if (groupBy === 'none') return rows;
  const groups = new Map<string, { label: string; rows: SheetRecordRow[] }>();
  for (const row of rows) {
    const name = outcomeName(row);
    const key = groupBy === 'article' ? row.articleId : fold(name);
    const label = groupBy === 'article' ? row.articleLabel : name || '(no outcome named)';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, rows: [] }));
    group.rows.push(row);
  }
  const out: SheetRow[] = [];
  for (const [key, group] of groups) {
    const isCollapsed = collapsed.has(key);
    const header: SheetGroupRow = { kind: 'group', key, label: group.label, count: group.rows.length, collapsed: isCollapsed };
    out.push(header);
    if (!isCollapsed) out.push(...group.rows);
  }
  return out;
}

/** A few recent results per data set, most recent last. */
class Recent<T> {
  private readonly entries: { key: string; value: T }[] = [];
  constructor(private readonly size: number) {}
  get(key: string, make: () => T): T {
    const i = this.entries.findIndex((e) => e.key === key);
    if (i >= 0) {
      const [hit] = this.entries.splice(i, 1);
      this.entries.push(hit!);
      return hit!.value;
    }
    const value = make();
    this.entries.push({ key, value });
    if (this.entries.length > this.size) this.entries.shift();
    return value;
  }
}

interface Pipeline {
  sorted: Recent<SheetRecordRow[]>;
  visible: Recent<SheetRow[]>;
}
const pipelines = new WeakMap<SheetData, Pipeline>();

/** The filtered, sorted and grouped rows of a query (before paging), cached per data set. */
export function visibleRows(data: SheetData, query: Pick<SheetQuery, 'filter' | 'sort' | 'groupBy' | 'collapsed'>): { rows: SheetRow[]; recordCount: number } {
  let pipeline = pipelines.get(data);
  if (!pipeline) pipelines.set(data, (pipeline = { sorted: new Recent(4), visible: new Recent(4) }));
  const sortedKey = JSON.stringify([query.filter, query.sort]);
  const sorted = pipeline.sorted.get(sortedKey, () => sortRows(filterRows(data.rows, query.filter), query.sort));
  const visibleKey = JSON.stringify([sortedKey, query.groupBy, [...query.collapsed].sort()]);
  const rows = pipeline.visible.get(visibleKey, () => groupRows(sorted, query.groupBy, new Set(query.collapsed)));
  return { rows, recordCount: sorted.length };
}

export function querySheet(data: SheetData, query: SheetQuery, template: { id: string; version: number }): SheetPage {
  const { rows: visible, recordCount } = visibleRows(data, query);
  return {
    templateId: template.id,
    templateVersion: template.version,
    columns: data.columns,
    total: visible.length,
    recordCount,
    offset: query.offset,
    rows: visible.slice(query.offset, query.offset + query.limit),
  };
}

export function sheetFacets(data: SheetData): SheetFacets {
  const articles = new Map<string, string>();
  const outcomes = new Map<string, { name: string; count: number }>();
  const reviewers = new Set<string>();
  const tags = new Set<string>();
  for (const row of data.rows) {
    articles.set(row.articleId, row.articleLabel);
    reviewers.add(row.reviewer);
    for (const t of row.tags) tags.add(t);
    const name = outcomeName(row);
    if (name) {
      const key = fold(name);
      const entry = outcomes.get(key);
      if (entry) entry.count += 1;
      else outcomes.set(key, { name, count: 1 });
    }
  }
  return {
    articles: [...articles].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
    outcomes: [...outcomes.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    reviewers: [...reviewers].sort(),
    tags: [...tags].sort(),
  };
}
