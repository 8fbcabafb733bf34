/**
 * What the grid needs to know about a column, decided once: its width, alignment, how a value is
 * shown, whether a cell can be edited, and how a header click changes the sort.
 */
import type { SheetColumn, SheetRecordRow, SheetSort } from '../../../shared/model/index';
import { RECORD_STATUS_LABELS } from '../../../shared/model/index';
import { cellText, cellValue } from '../../../shared/sheet/query';

export const ROW_HEIGHT = 30;
/** Band row (Record / Study / Outcome) + label row. */
export const HEADER_HEIGHT = 56;
export const MAX_SORTS = 3;

const FIXED_WIDTHS: Record<string, number> = { article: 170, reviewer: 92, status: 104, quote: 260, tags: 130 };
const KIND_WIDTHS: Record<string, number> = { number: 84, text: 150, single: 150, multiple: 170, yesno: 64 };

export function columnWidth(column: SheetColumn): number {
  return FIXED_WIDTHS[column.key] ?? KIND_WIDTHS[column.kind] ?? 140;
}

export function isNumeric(column: SheetColumn): boolean {
  return column.kind === 'number';
}

/** A contiguous run of columns of one level, for the header's band row. */
export interface Band {
  level: SheetColumn['level'];
  label: string;
  width: number;
}

const BAND_LABELS: Record<SheetColumn['level'], string> = { fixed: 'Record', study: 'Study (per article)', outcome: 'Outcome' };

export function bands(columns: readonly SheetColumn[]): Band[] {
  const out: Band[] = [];
  for (const column of columns) {
    const last = out[out.length - 1];
    if (last && last.level === column.level) last.width += columnWidth(column);
    else out.push({ level: column.level, label: BAND_LABELS[column.level], width: columnWidth(column) });
  }
  return out;
}

/** What a cell shows: its value as text, statuses by their label. */
export function displayText(row: SheetRecordRow, key: string): string {
  if (key === 'status') return row.status ? RECORD_STATUS_LABELS[row.status] : '';
  return cellText(cellValue(row, key));
}

/** Why a cell cannot be edited, or null when it can. */
export function notEditable(row: SheetRecordRow, column: SheetColumn): string | null {
  if (column.key === 'article' || column.key === 'reviewer' || column.key === 'quote') return 'This column is not editable here.';
  if (row.annotationId === null && !column.key.startsWith('s.')) return 'This article has no outcome record yet.';
  return null;
}

/**
 * Header click: without shift the column becomes the only sort, cycling ascending → descending →
 * none; with shift it is added as a further sort (or its direction cycles in place).
 */
export function nextSort(sort: readonly SheetSort[], column: string, additive: boolean): SheetSort[] {
  const existing = sort.find((s) => s.column === column);
  const cycled: SheetSort['direction'] | null = !existing ? 'asc' : existing.direction === 'asc' ? 'desc' : null;
  if (!additive) {
    if (!existing || sort.length > 1) return [{ column, direction: 'asc' }];
    return cycled ? [{ column, direction: cycled }] : [];
  }
  if (existing) return cycled ? sort.map((s) => (s.column === column ? { column, direction: cycled } : s)) : sort.filter((s) => s.column !== column);
  const next = [...sort, { column, direction: 'asc' as const }];
  return next.length > MAX_SORTS ? [...next.slice(0, MAX_SORTS - 1), next[next.length - 1]!] : next;
}
