/**
 * The extraction sheet of one template as CSV: one row per outcome record (plus one per article and
 * reviewer with study values only), study and outcome columns headed by their labels. RFC 4180 (CRLF
 * records; fields with commas, quotes or line breaks quoted), UTF-8 with a byte-order mark so Excel
 * reads accents and "−" correctly, and protected against formula injection: a cell a spreadsheet
 * would run as a formula gets a leading apostrophe. Values stay as typed ("<0.001", "−9.36"):
 * CSV has no types, so the reader's tool decides. Discrepancies are in the JSON and XLSX exports.
 */
import { stringify } from 'csv-stringify/sync';
import type { SheetData } from '../../../shared/sheet/build.js';
import type { ReviewData } from './data.js';
import { valueText } from './cells.js';
import type { ExportProgress } from './progress.js';
import { uniqueHeaders } from './sections.js';

/** What spreadsheets treat as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as -9.36, +2, -1e-3: numeric data, shown as typed, never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function protectCell(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : protectCell(value);
}

/** Header plus records as RFC 4180 CSV; every text cell goes through protectCell. */
export function toCsv(header: readonly string[], records: ReadonlyArray<ReadonlyArray<string | number | null>>, bom: boolean): string {
  return stringify([header.map(cell), ...records.map((r) => r.map(cell))], {
    bom,
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR;
    // RFC 4180 wants any line break quoted, and Excel splits the row otherwise.
    quoted_match: /[\r\n]/,
  });
}

/** Fixed columns before the template's fields, and after them. */
const LEAD = ['Article ID', 'Annotation ID', 'Article', 'Title', 'Journal', 'Year', 'DOI', 'Reviewer', 'Status'];
const TRAIL = ['Quote', 'Page', 'Tags'];

export async function sheetToCsv(sheet: SheetData, data: ReviewData, progress: ExportProgress): Promise<string> {
  const fields = sheet.columns.filter((c) => c.level !== 'fixed');
  const header = uniqueHeaders([
    ...LEAD.map((label) => ({ label, qualifier: 'record' })),
    ...fields.map((c) => ({ label: c.label, qualifier: c.level })),
    ...TRAIL.map((label) => ({ label, qualifier: 'record' })),
  ]);
  const records: Array<Array<string | number | null>> = [];
  for (const [i, row] of sheet.rows.entries()) {
    await progress.step(i, sheet.rows.length, 'Writing CSV rows');
    const article = data.articles.get(row.articleId);
    records.push([
      row.articleId,
      row.annotationId ?? '',
      row.articleLabel,
      row.articleTitle,
      article?.journal ?? '',
      article?.year ?? null,
      article?.doi ?? '',
      row.reviewer,
      row.status ?? '',
      ...fields.map((c) => valueText(row.values[c.key])),
      row.quote,
      row.page,
      row.tags.join('; '),
    ]);
  }
  await progress.step(sheet.rows.length, sheet.rows.length, 'Writing CSV rows');
  return toCsv(header, records, true);
}
