/**
 * Writing worksheets to an .xlsx file with exceljs's streaming WorkbookWriter: each row is
 * serialised and handed to the zip as it is committed, so a 100k-row export never holds a
 * workbook model in memory and costs time linear in its cells. Every sheet gets a frozen header
 * row, an autofilter over its columns and widths fitted to a sample of its content.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells.js';
import type { ExportProgress } from './progress.js';

export type XlsxColumnType = 'text' | 'long' | 'number' | 'date' | 'boolean';

export interface XlsxColumn {
  header: string;
  type: XlsxColumnType;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Cell[][];
}

/** Excel refuses longer cells (and the file with them). */
const MAX_CELL_CHARS = 32_767;
/** Characters XML 1.0 cannot hold at all: a workbook containing one does not open. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Rows looked at to fit column widths: enough to be representative, bounded for 100k-row sheets. */
const WIDTH_SAMPLE = 300;

function cleanText(text: string): string {
  const clean = text.replace(XML_INVALID, ' ');
  return clean.length <= MAX_CELL_CHARS ? clean : `${clean.slice(0, MAX_CELL_CHARS - 1)}…`;
}

function clean(cell: Cell): Cell {
  return typeof cell === 'string' ? cleanText(cell) : cell;
}

function widthOf(column: XlsxColumn, index: number, rows: readonly Cell[][]): number {
  if (column.type === 'date') return Math.max(17, column.header.length + 2);
  if (column.type === 'boolean') return Math.max(8, column.header.length + 2);
  let longest = column.header.length;
  for (let r = 0; r < rows.length && r < WIDTH_SAMPLE; r++) {
    const cell = rows[r]![index];
    if (cell !== null && cell !== undefined) longest = Math.max(longest, String(cell).length);
  }
  return Math.min(column.type === 'long' ? 80 : 50, Math.max(6, longest + 2));
}

/** "A", "B" … "Z", "AA" …: the column letters an autofilter range is written with. */
export function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    const base = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
    let out = base;
    for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    taken.add(out.toLowerCase());
    return out;
  });
}

/**
 * exceljs gives every cell a style object of its own, and its style registry serialises each one it
 * has not seen before: two thirds of the time of a large export. Cells share these few objects
 * instead, which the registry recognises at once.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

function writeRow(ws: ExcelJS.Worksheet, cells: Cell[], styleOf: (col: number) => Partial<ExcelJS.Style>): void {
  const row = ws.addRow(cells);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.style = styleOf(col);
  });
  row.commit();
}

export async function writeWorkbook(sheets: readonly XlsxSheet[], progress: ExportProgress, title: string): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Evidentia';
  workbook.title = cleanText(title);
  workbook.created = new Date();

  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const names = sheetNames(sheets.map((s) => s.name));
  for (const [i, sheet] of sheets.entries()) {
    const label = `Writing sheet ${names[i]}`;
    await progress.step(done, total, label);
    const ws = workbook.addWorksheet(names[i], { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, index) => ({ width: widthOf(c, index, sheet.rows) }));
    if (sheet.columns.length > 0) ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}1`;
    const styles = sheet.columns.map((c) => (c.type === 'date' ? DATE_STYLE : PLAIN_STYLE));
    writeRow(ws, sheet.columns.map((c) => cleanText(c.header)), () => HEADER_STYLE);
    for (const row of sheet.rows) {
      writeRow(ws, row.map(clean), (col) => styles[col - 1] ?? PLAIN_STYLE);
      done += 1;
      await progress.step(done, total, label);
    }
    ws.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
