/**
 * The CSV export on worker threads (export-pool.ts, export-worker.ts) writes the bytes the main
 * thread writes, and a damaged shard fails it with the same corrupt-file error. The worker is
 * bundled here with esbuild (as build/bundle.mjs does for the app) and named by
 * EVIDENTIA_EXPORT_WORKER, so this runs whatever the state of dist/.
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context.js';
import { writeSheetCsv } from '../../electron/core/export/csv-export.js';
import { EXPORT_WORKER_ENV, locateExportWorker } from '../../electron/core/export/export-pool.js';
import { ExportProgress } from '../../electron/core/export/progress.js';
import { MemorySink } from '../../electron/core/export/sink.js';
import { ReviewStore } from '../../electron/core/store/review-store.js';
import { base64, fakeExtract, newReview } from './core-helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the checkout, so the bundle finds its dependencies in node_modules; removed afterwards.
const outfile = path.join(root, 'dist', 'tools', `export-worker-test-${process.pid}.mjs`);
let previous: string | undefined;

beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  await build({
    entryPoints: [path.join(root, 'electron/core/export/export-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron', ...Object.keys(pkg.dependencies)],
    logLevel: 'silent',
  });
  previous = process.env[EXPORT_WORKER_ENV];
  process.env[EXPORT_WORKER_ENV] = outfile;
  expect(locateExportWorker()).toBe(outfile);
}, 60_000);

afterAll(async () => {
  if (previous === undefined) delete process.env[EXPORT_WORKER_ENV];
  else process.env[EXPORT_WORKER_ENV] = previous;
  await rm(outfile, { force: true });
});

/** A review of a few articles with many outcome records, closed, and its store opened. */
async function review(): Promise<{ dir: string; ctx: CoreContext }> {
  const { dir, core } = await newReview({ name: 'Workers' });
  for (let k = 0; k < 6; k++) {
    const text = Array.from({ length: 40 }, (_, i) => `Article ${k} result ${i}: ${i * 1.5}, "quoted", more.`).join('\n');
    const [result] = (await core['articles.import']({ files: [{ fileName: `a${k}.txt`, base64: base64(text) }] })).results;
    const articleId = result!.articleId!;
    for (let i = 0; i < 40; i++) {
      const quote = `Article ${k} result ${i}: ${i * 1.5}`;
      const start = text.indexOf(quote);
      await core['annotations.create']({
        articleId,
        start,
        end: start + quote.length,
        exact: quote,
        reviewer: i % 3 === 0 ? 'ben' : 'me',
        body: { type: 'outcome', template: { id: 'trial-outcomes', version: 1 }, status: 'in-progress', tags: [], fields: { outcome: `Result ${i}`, value: String(i * 1.5), note: i % 7 === 0 ? '=formula' : 'a, b' } },
      });
    }
  }
  await core.close();
  const store = await ReviewStore.open(dir);
  await store.catalogue.ready;
  return { dir, ctx: { store, log: () => {}, defaultReviewer: 'me', extract: fakeExtract, assertWritable() {} } };
}

async function csv(ctx: CoreContext, workersFrom: number): Promise<string> {
  let sink = new MemorySink();
  const template = ctx.store.review.templates[0]!;
  await writeSheetCsv(ctx, template, async () => (sink = new MemorySink()), new ExportProgress(), { workersFrom });
  return sink.text();
}

describe('CSV export on worker threads', () => {
  it('writes what the main thread writes', async () => {
    const { ctx } = await review();
    const inThread = await csv(ctx, Number.POSITIVE_INFINITY);
    expect(inThread.split('\r\n')).toHaveLength(242); // header, 240 records, and the final CRLF
    expect(await csv(ctx, 0)).toBe(inThread);
  }, 60_000);

  it('fails on a damaged shard with the corrupt-file error the main thread gives', async () => {
    const { dir, ctx } = await review();
    const article = ctx.store.review.articles[3]!.id;
    await writeFile(path.join(dir, 'annotations', article, 'me.json'), '{"schemaVersion": 2, "annotations": "no"}');
    const expected = { code: 'corrupt-file', message: expect.stringContaining('me.json is damaged') };
    await expect(csv(ctx, Number.POSITIVE_INFINITY)).rejects.toMatchObject(expected);
    await expect(csv(ctx, 0)).rejects.toMatchObject(expected);
  }, 60_000);
});
