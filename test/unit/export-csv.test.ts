/**
 * The CSV encoder exports stream with (one record at a time) writes what csv-stringify wrote with
 * the options Evidentia used before (CRLF records, any line break quoted, BOM), so files keep their
 * bytes; and every text cell is protected against formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, protectCell, toCsv, type CsvCell } from '../../electron/core/export/csv';

const CELLS: CsvCell[] = [
  '',
  null,
  0,
  -9.36,
  1e21,
  'plain',
  'a,b',
  'say "hi"',
  '"',
  'line one\nline two',
  'cr\ronly',
  'crlf\r\nend',
  ' spaced ',
  '−9.36',
  '-9.36',
  '=HYPERLINK("http://evil","click")',
  '+A1',
  '-A1',
  '@cmd',
  '\tx',
  '\rx',
  "'quoted",
  'ünïcødé ✓',
  ';semi;',
];

/** What export.run wrote before: csv-stringify over cells made text and protected. */
function reference(records: CsvCell[][], bom: boolean): string {
  const text = (c: CsvCell) => (c === null ? '' : typeof c === 'number' ? String(c) : protectCell(c));
  return stringify(records.map((r) => r.map(text)), { bom, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

describe('csv encoding', () => {
  it('writes each cell as csv-stringify did', () => {
    for (const cell of CELLS) expect(csvLine([cell]), JSON.stringify(cell)).toBe(reference([[cell]], false));
    expect(csvLine(CELLS)).toBe(reference([CELLS], false));
  });

  it('writes whole files as csv-stringify did, with and without a BOM', () => {
    const header = ['Article ID', 'Note, free', 'Quote'];
    const rows: CsvCell[][] = [CELLS.slice(0, 3), CELLS.slice(3, 6), CELLS.slice(9, 12), []];
    expect(toCsv(header, rows, true)).toBe(reference([header, ...rows], true));
    expect(toCsv(header, rows, false)).toBe(reference([header, ...rows], false));
    expect(toCsv(header, [], true)).toBe(reference([header], true));
  });
});
