/**
 * Field values as spreadsheet cells. Values are stored as typed by the reviewer ("−9.36",
 * "<0.001"); typed formats (XLSX, RevMan) turn them into numbers only when that is unambiguous,
 * so a number a reader sees in the export is the number the article reported.
 */
import type { FieldKind, FieldValue } from '../../../shared/model/index.js';
import { cellText, parseNumber } from '../../../shared/sheet/query.js';

export type Cell = string | number | boolean | Date | null;

/**
 * The number a text holds, or null. Stricter than the sheet's parseNumber (which only sorts):
 * "79%" stays text (as a number it would lose its unit), and "1,500" stays text because it may be
 * fifteen hundred or one and a half. "<0.001" and "9.36 (95% CI …)" are never numbers.
 */
export function numberOf(text: string): number | null {
  if (text.includes('%')) return null;
  if (/^\s*[-+\u2212]?\d{1,3},\d{3}\s*$/.test(text)) return null;
  return parseNumber(text);
}

/** A value as plain text (CSV, notes): lists joined with "; ", yes/no as "Yes"/"No". */
export function valueText(value: FieldValue | undefined): string {
  return cellText(value);
}

/** A value as a typed cell for a column of this kind ('fixed' and unknown columns are text). */
export function typedCell(value: FieldValue | undefined, kind: FieldKind | 'fixed'): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join('; ');
  if (value.trim() === '') return null;
  if (kind === 'number') return numberOf(value) ?? value;
  return value;
}

/** An ISO timestamp as a Date cell (null when missing or unreadable). */
export function dateCell(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}
