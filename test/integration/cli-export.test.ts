/** `evidentia export` in every format, to a file (-o/--out) and to stdout, after outcomes were tagged. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, runOk, tempDir, writeFixtures } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let review: string;

beforeAll(async () => {
  tmp = await tempDir();
  const files = await writeFixtures(tmp.path);
  review = join(tmp.path, 'review');
  await runOk(['init', review]);
  const report = JSON.parse((await runOk(['import', review, files.txt, '--json'])).stdout) as { results: Array<{ articleId: string }> };
  const id = report.results[0]!.articleId;
  await runOk(['annotate', review, id, '--quote=-9.36 (95% CI -12.52 to -6.19)', '--type', 'outcome',
    '--field', 'value=-9.36', '--field', 'ci_low=-12.52', '--field', 'ci_high=-6.19', '--field', 'outcome=activity score change', '--field', 'arm=immunoglobulin']);
  await runOk(['annotate', review, id, '--quote', '(p<0.001)', '--type', 'outcome', '--field', 'outcome=activity score change', '--field', 'value=<0.001']);
});
afterAll(() => tmp.remove());

describe('evidentia export', () => {
  it('writes CSV to -o with the sheet\'s rows', async () => {
    const out = join(tmp.path, 'outcomes.csv');
    const run = await runOk(['export', review, '--format', 'csv', '-o', out]);
    expect(run.stdout.trim()).toBe(`wrote ${out}`);
    expect(run.stderr).toBe(''); // quick exports print no progress
    const rows = parse(await readFile(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.Outcome, r.Value])).toEqual([
      ['activity score change', '-9.36'],
      ['activity score change', '<0.001'],
    ]);
  });

  it('writes XLSX only to a file, with numbers as numbers', async () => {
    const out = join(tmp.path, 'extraction.xlsx');
    await runOk(['export', review, '--format', 'xlsx', '--out', out]);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, not base64 text
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Study', 'Outcomes', 'Articles', 'Discrepancies']);
    const values: unknown[] = [];
    wb.getWorksheet('Outcomes')!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(-9.36);
    expect(values).toContain('<0.001');

    const toStdout = await runCli(['export', review, '--format', 'xlsx']);
    expect(toStdout.code).toBe(2);
    expect(toStdout.stderr).toContain('-o FILE');
  });

  it('writes the restorable JSON to a file, and the same to stdout without -o', async () => {
    const out = join(tmp.path, 'export.json');
    await runOk(['export', review, '--format', 'json', '--out', out]);
    const fromFile = JSON.parse(await readFile(out, 'utf8'));
    const fromStdout = JSON.parse((await runOk(['export', review, '--format', 'json'])).stdout);
    expect(fromFile).toMatchObject({ format: 'evidentia-export', version: 2 });
    expect(fromFile.annotations).toHaveLength(2);
    expect(Object.keys(fromFile.files)).toHaveLength(1);
    // Same content either way (only the export time differs).
    expect({ ...fromStdout, exported: null }).toEqual({ ...fromFile, exported: null });
  });

  it('writes JSON-LD, RIS, BibTeX and RevMan to stdout', async () => {
    const ld = JSON.parse((await runOk(['export', review, '--format', 'jsonld'])).stdout);
    expect(ld).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    expect((await runOk(['export', review, '--format', 'ris'])).stdout).toContain('Outcome: activity score change immunoglobulin: -9.36 (-12.52 to -6.19)');
    expect((await runOk(['export', review, '--format', 'bibtex'])).stdout).toContain('@');
    const revman = parse((await runOk(['export', review, '--format', 'revman'])).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(revman).toEqual([expect.objectContaining({ Outcome: 'activity score change', Group: 'immunoglobulin', 'Data type': 'estimate', Estimate: '-9.36' })]);
  });

  it('explains a wrong format or template in one line', async () => {
    const bad = await runCli(['export', review, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('csv|xlsx|json|jsonld|ris|bibtex|revman');
    const missing = await runCli(['export', review, '--format', 'csv', '--template', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No template "nope"');
    for (const run of [bad, missing]) expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
