/** `evidentia init` and `evidentia import`, run as a user would: the bundled CLI in a child process. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, NEWS_HTML, runCli, runOk, tempDir, writeFixtures } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let files: Awaited<ReturnType<typeof writeFixtures>>;
let review: string;

beforeAll(async () => {
  tmp = await tempDir();
  await mkdir(join(tmp.path, 'in'));
  files = await writeFixtures(join(tmp.path, 'in'));
  review = join(tmp.path, 'review');
});
afterAll(() => tmp.remove());

describe('evidentia init / import', () => {
  it('init creates a review folder and refuses to do it twice', async () => {
    const first = await runOk(['init', review, '--name', 'IVIg trial']);
    expect(first.stdout).toContain('IVIg trial');
    expect(existsSync(join(review, 'review.json'))).toBe(true);

    const again = await runCli(['init', review]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^evidentia: .*already an Evidentia review$/);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('imports two files, one line each, exit 0', async () => {
    const run = await runOk(['import', review, files.txt, files.md]);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^imported  [0-9a-f]{16}  ${escape(files.txt)}  ".+"$`));
    expect(lines[1]).toMatch(new RegExp(`^imported  [0-9a-f]{16}  ${escape(files.md)}  ".+"$`));
    expect(lines[0]).toContain('Immunoglobulin for skin disease');
    expect(lines[2]).toBe('2 files: 2 imported, 0 already present, 0 failed');
  });

  it('reports files already present and duplicates nothing', async () => {
    const run = await runOk(['import', review, files.txt]);
    expect(run.stdout).toMatch(new RegExp(`^already present  [0-9a-f]{16}  ${escape(files.txt)}$`, 'm'));
    const list = JSON.parse((await runOk(['list', review, '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(2);
  });

  it('goes on past failed files and exits 1; --json has stable keys', async () => {
    const batch = join(tmp.path, 'batch');
    await mkdir(join(batch, 'nested'), { recursive: true });
    await writeFile(join(batch, 'broken.pdf'), 'this is not a PDF at all');
    await writeFile(join(batch, 'nested', 'notes.xyz'), 'unsupported kind of file');
    await writeFile(join(batch, 'nested', 'news.html'), NEWS_HTML);

    const run = await runCli(['import', review, batch, '--json']);
    expect(run.code).toBe(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const report = JSON.parse(run.stdout) as {
      results: Array<{ source: string; status: string; articleId: string | null; title: string | null; error: { code: string; message: string } | null }>;
      imported: number;
      duplicates: number;
      failed: number;
    };
    expect(Object.keys(report).sort()).toEqual(['attached', 'duplicates', 'failed', 'imported', 'merged', 'possibleDuplicates', 'results']);
    for (const r of report.results) expect(Object.keys(r).sort()).toEqual(['articleId', 'error', 'possibleDuplicates', 'record', 'source', 'status', 'title']);
    expect(report.imported).toBe(1);
    expect(report.failed).toBe(2);
    const bySource = (end: string) => report.results.find((r) => r.source.endsWith(end));
    expect(bySource('news.html')?.status).toBe('imported');
    expect(bySource('broken.pdf')?.error?.code).toBe('corrupt-file');
    expect(bySource('notes.xyz')?.error?.code).toBe('unsupported-type');

    // The good file stayed imported.
    const list = JSON.parse((await runOk(['list', review, '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(3);
  });

  it('prints failures as "failed  <path>: <reason>" lines', async () => {
    const bad = join(tmp.path, 'empty.txt');
    await writeFile(bad, '');
    const run = await runCli(['import', review, bad, files.md]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^failed  ${escape(bad)}: .+$`, 'm'));
    expect(run.stdout).toMatch(/^already present  [0-9a-f]{16}  .*followup\.md$/m);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('2 files: 0 imported, 1 already present, 1 failed');
  });

  it('list --json returns article summaries with stable keys', async () => {
    const list = JSON.parse((await runOk(['list', review, '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['annotationCount', 'authors', 'doi', 'fileName', 'id', 'importedAt', 'journal', 'kind', 'noTextLayer', 'orphanCount', 'pageCount', 'title', 'year',
        'pmid', 'volume', 'issue', 'page', 'url', 'type', 'keywords', 'tags'].sort(),
    );
    const kinds = list.map((a) => a.kind).sort();
    expect(kinds).toEqual(['html', 'markdown', 'text']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
