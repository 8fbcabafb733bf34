/**
 * The extraction sheet as CSV: RFC 4180 (CRLF records; fields with commas, quotes or line breaks
 * quoted), UTF-8 with a byte-order mark so Excel reads accents and "−" correctly, and protected
 * against formula injection: a cell a spreadsheet would run as a formula gets a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { SHEET_COLUMNS, type SheetRow } from './rows.js';

/** What spreadsheets treat as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as -9.36, +2, -1e-3: numeric data, shown as typed, never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function protectCell(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

function cellText(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : protectCell(value);
}

export function sheetToCsv(rows: readonly SheetRow[]): string {
  const records = rows.map((row) => SHEET_COLUMNS.map((column) => cellText(row[column])));
  return stringify(records, {
    header: true,
    columns: [...SHEET_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR;
    // RFC 4180 wants any line break quoted, and Excel splits the row otherwise.
    quoted_match: /[\r\n]/,
  });
}
