/**
 * CSV as Evidentia writes it: RFC 4180 (CRLF after every record; a field holding a comma, a quote
 * or any line break is quoted, quotes doubled), UTF-8 with a byte-order mark where Excel must read
 * accents and "−" correctly, and protected against formula injection: a cell a spreadsheet would run
 * as a formula gets a leading apostrophe. Values stay as typed ("<0.001", "−9.36"): CSV has no
 * types, so the reader's tool decides. Records are encoded one at a time, so a sheet of 500,000 rows
 * streams (csv-export.ts); the output is what csv-stringify gave with the options we used
 * (test/unit/export-csv.test.ts compares them).
 */
import type { ArticleIndexEntry, SheetColumn, SheetRecordRow } from '../../../shared/model/index.js';
import { valueText } from './cells.js';
import { uniqueHeaders } from './sections.js';

export type CsvCell = string | number | null;

export const BOM = '\uFEFF';

/** What spreadsheets treat as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as -9.36, +2, -1e-3: numeric data, shown as typed, never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Fields that must be quoted: a delimiter, a quote, or a line break of any kind (Excel splits rows on a lone LF). */
const NEEDS_QUOTES = /[",\r\n]/;

export function protectCell(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

/** The first characters FORMULA_START looks for, by code: most cells start otherwise and skip the regex. */
const FORMULA_CODES = new Set(['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)));

function field(value: CsvCell): string {
  if (value === null || value === '') return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_CODES.has(value.charCodeAt(0)) ? protectCell(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF; every text cell goes through protectCell. */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + field(cells[i]!);
  return `${line}\r\n`;
}

/** Header plus records as one CSV text (small exports: RevMan). */
export function toCsv(header: readonly string[], records: ReadonlyArray<readonly CsvCell[]>, bom: boolean): string {
  return (bom ? BOM : '') + csvLine(header) + records.map(csvLine).join('');
}

/** Fixed columns before the template's fields, and after them. */
const LEAD = ['Article ID', 'Annotation ID', 'Article', 'Title', 'Journal', 'Year', 'DOI', 'Reviewer', 'Status'];
const TRAIL = ['Quote', 'Page', 'Tags'];

/** The sheet's field columns, in sheet order: what a CSV row holds between LEAD and TRAIL. */
export function csvFields(columns: readonly SheetColumn[]): SheetColumn[] {
  return columns.filter((c) => c.level !== 'fixed');
}

export function sheetCsvHeader(fields: readonly SheetColumn[]): string[] {
  return uniqueHeaders([
    ...LEAD.map((label) => ({ label, qualifier: 'record' })),
    ...fields.map((c) => ({ label: c.label, qualifier: c.level })),
    ...TRAIL.map((label) => ({ label, qualifier: 'record' })),
  ]);
}

/** One sheet row as a CSV record (built directly: this runs once per row of 500,000). */
export function sheetCsvLine(row: SheetRecordRow, article: ArticleIndexEntry | undefined, fields: readonly SheetColumn[]): string {
  let line = `${field(row.articleId)},${field(row.annotationId ?? '')},${field(row.articleLabel)},${field(row.articleTitle)},`;
  line += `${field(article?.journal ?? '')},${field(article?.year ?? null)},${field(article?.doi ?? '')},${field(row.reviewer)},${field(row.status ?? '')}`;
  for (const c of fields) line += `,${field(valueText(row.values[c.key]))}`;
  return `${line},${field(row.quote)},${field(row.page)},${field(row.tags.join('; '))}\r\n`;
}
