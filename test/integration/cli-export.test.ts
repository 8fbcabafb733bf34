/** `evidentia export` to a file and to stdout, in CSV and JSON, after an outcome was tagged. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOk, tempDir, writeFixtures } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let review: string;

beforeAll(async () => {
  tmp = await tempDir();
  const files = await writeFixtures(tmp.path);
  review = join(tmp.path, 'review');
  await runOk(['init', review]);
  const report = JSON.parse((await runOk(['import', review, files.txt, '--json'])).stdout) as { results: Array<{ articleId: string }> };
  await runOk(['annotate', review, report.results[0]!.articleId, '--quote=-9.36', '--type', 'outcome', '--field', 'value=-9.36', '--field', 'outcome=activity score change']);
});
afterAll(() => tmp.remove());

describe('evidentia export', () => {
  it('writes CSV to --out with the outcome row', async () => {
    const out = join(tmp.path, 'outcomes.csv');
    const run = await runOk(['export', review, '--format', 'csv', '--out', out]);
    expect(run.stdout.trim()).toBe(`wrote ${out}`);
    const csv = await readFile(out, 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toContain('value');
    expect(rows.some((r) => r.includes('-9.36') && r.includes('activity score change'))).toBe(true);
  });

  it('writes JSON to --out, and to stdout without --out', async () => {
    const out = join(tmp.path, 'export.json');
    await runOk(['export', review, '--format', 'json', '--out', out]);
    const fromFile = JSON.parse(await readFile(out, 'utf8')) as { outcomes: unknown[] };
    const fromStdout = JSON.parse((await runOk(['export', review, '--format', 'json'])).stdout) as { outcomes: unknown[] };
    expect(JSON.stringify(fromFile.outcomes)).toContain('activity score change');
    // Same content either way (only the export time differs).
    expect(fromStdout.outcomes).toEqual(fromFile.outcomes);
  });
});
