/**
 * Writing worksheets to an .xlsx file with exceljs's streaming WorkbookWriter: each row is
 * serialised and handed to the zip as it is added, so a 100k-row export never holds a workbook
 * model in memory and costs time linear in its cells. Every sheet gets a frozen header row, an
 * autofilter over its columns and widths fitted to its first rows (the only rows held back).
 *
 * The zip takes one worksheet at a time: rows added to a sheet other than the one being zipped
 * wait in memory until the earlier sheets are committed. Writers therefore stream the big sheet
 * (outcome records) first and add the small ones afterwards; the tab order is set when the
 * sheets are created, so it does not depend on that.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** exceljs takes about half a second to load: it is loaded by the first XLSX export, not at start-up. */
let excel: typeof ExcelJS | null = null;
export async function loadExcel(): Promise<void> {
  excel ??= (await import('exceljs')).default;
}
import type { Cell } from './cells.js';

export type XlsxColumnType = 'text' | 'long' | 'number' | 'date' | 'boolean';

export interface XlsxColumn {
  header: string;
  type: XlsxColumnType;
}

/** Excel refuses longer cells (and the file with them). */
const MAX_CELL_CHARS = 32_767;
/** Characters XML 1.0 cannot hold at all: a workbook containing one does not open. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Rows looked at to fit column widths (held back until then): enough to be representative, bounded for 100k-row sheets. */
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

/** One worksheet being written: rows are held until WIDTH_SAMPLE of them fix the column widths. */
export class SheetStream {
  private held: Cell[][] | null = [];
  private readonly styles: Array<Partial<ExcelJS.Style>>;
  rows = 0;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly columns: readonly XlsxColumn[],
  ) {
    this.styles = columns.map((c) => (c.type === 'date' ? DATE_STYLE : PLAIN_STYLE));
  }

  add(cells: Cell[]): void {
    this.rows += 1;
    if (this.held) {
      this.held.push(cells);
      if (this.held.length >= WIDTH_SAMPLE) this.release();
      return;
    }
    this.write(cells);
  }

  commit(): void {
    if (this.held) this.release();
    this.ws.commit();
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    this.ws.columns = this.columns.map((c, index) => ({ width: widthOf(c, index, held) }));
    writeRow(this.ws, this.columns.map((c) => cleanText(c.header)), () => HEADER_STYLE);
    for (const cells of held) this.write(cells);
  }

  private write(cells: Cell[]): void {
    writeRow(this.ws, cells.map(clean), (col) => this.styles[col - 1] ?? PLAIN_STYLE);
  }
}

export interface XlsxSheetSpec {
  name: string;
  columns: XlsxColumn[];
}

/** A workbook streamed into `stream`; its sheets are created at once, in tab order. */
export class WorkbookStream {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly sheets: SheetStream[];
  /** The sheets' names as written (made valid and unique). */
  readonly names: string[];

  constructor(stream: Writable, title: string, specs: readonly XlsxSheetSpec[]) {
    if (!excel) throw new Error('loadExcel() must have finished before a workbook is written');
    this.workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'Evidentia';
    this.workbook.title = cleanText(title);
    this.workbook.created = new Date();
    this.names = sheetNames(specs.map((s) => s.name));
    this.sheets = specs.map((spec, i) => {
      const ws = this.workbook.addWorksheet(this.names[i], { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
      if (spec.columns.length > 0) ws.autoFilter = `A1:${columnLetter(spec.columns.length)}1`;
      return new SheetStream(ws, spec.columns);
    });
  }

  /** Drop a workbook that will not be finished (its stream is being thrown away). */
  abandon(): void {
    // exceljs keeps its zip (archiver) here without typing it; aborting it stops any pending work.
    (this.workbook as unknown as { zip?: { abort?: () => void } }).zip?.abort?.();
  }

  /** Commit the sheets not committed yet, then the workbook; resolves once `stream` has finished. */
  async commit(): Promise<void> {
    for (const sheet of this.sheets) sheet.commit();
    await this.workbook.commit();
  }
}
