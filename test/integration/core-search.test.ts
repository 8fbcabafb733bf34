/**
 * search.query against real review folders: AND / prefix / accents, library changes (delete, edit),
 * the persisted index (written at close, reused on reopen, rebuilt when damaged or stale) and a
 * read-only second opener.
 */
import { copyFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFilePath } from '../../electron/core/search/index-file';
import { SNIPPET_HITS } from '../../electron/core/search/search-index';
import type { Core } from '../../electron/core/types';
import type { SearchResult } from '../../shared/model/search';
import { base64, isFile, newReview, openTest } from './core-helpers.js';

const TEXTS: Record<string, string> = {
  'ivig.txt': 'IVIg in dermatomyositis\nIn the ProDERM trial, the CDASI-A change was -9.36 with IVIg versus -1.16 with placebo. Müller and Bata-Csörgő reported mortality.',
  'surgery.txt': 'Mortality after cardiac surgery\nA cohort study; no placebo was used. Mortality at 30 days was 2.1%.',
  'kidney.txt': 'Kidney outcomes with SGLT2 inhibitors\nThe primary outcome was a sustained decline in eGFR; placebo controlled.',
};

async function importAll(core: Core): Promise<Record<string, string>> {
  const report = await core['articles.import']({ files: Object.entries(TEXTS).map(([fileName, text]) => ({ fileName, base64: base64(text) })) });
  return Object.fromEntries(report.results.map((r) => [r.source, r.articleId!]));
}

/** The query's answer once the index has caught up with the library. */
async function searchReady(core: Core, query: string, timeoutMs = 10_000): Promise<SearchResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await core['search.query']({ query });
    if (result.index.ready) return result;
    if (Date.now() > deadline) throw new Error(`search index not ready: ${JSON.stringify(result.index)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ids = (r: SearchResult) => r.hits.map((h) => h.articleId).sort();

describe('search.query', () => {
  it('requires every word, matches the last as a prefix, ignores case and accents', async () => {
    const { core } = await newReview();
    const id = await importAll(core);
    expect(ids(await searchReady(core, 'placebo'))).toEqual([id['ivig.txt'], id['kidney.txt'], id['surgery.txt']].sort());
    expect(ids(await searchReady(core, 'placebo mortal'))).toEqual([id['ivig.txt'], id['surgery.txt']].sort());
    expect(ids(await searchReady(core, 'MULLER csorgo'))).toEqual([id['ivig.txt']]);
    expect(ids(await searchReady(core, 'müll'))).toEqual([id['ivig.txt']]);
    expect(ids(await searchReady(core, 'placebo kidn'))).toEqual([id['kidney.txt']]);
    expect(ids(await searchReady(core, '9.36 '))).toEqual([id['ivig.txt']]);
    expect((await searchReady(core, 'placebo nonexistentword')).total).toBe(0);

    const hit = (await searchReady(core, 'ivig placebo')).hits[0]!;
    expect(hit).toMatchObject({ articleId: id['ivig.txt'], title: 'IVIg in dermatomyositis', label: 'IVIg in dermatomyositis' });
    const marks = hit.snippet!.marks.map(([a, b]) => hit.snippet!.text.slice(a, b));
    expect(marks).toEqual(expect.arrayContaining(['IVIg', 'placebo']));
    // A title match ranks first.
    expect((await searchReady(core, 'mortality ')).hits[0]!.articleId).toBe(id['surgery.txt']);
  });

  it('returns the best `limit` hits and counts them all; only the first SNIPPET_HITS get a snippet', async () => {
    const { core } = await newReview();
    const n = SNIPPET_HITS + 3;
    const files = Array.from({ length: n }, (_, i) => ({ fileName: `t${i}.txt`, base64: base64(`Trial ${i}\nThe placebo arm, number ${i}.`) }));
    await core['articles.import']({ files });
    const all = await searchReady(core, 'placebo');
    expect(all.total).toBe(n);
    expect(all.hits.map((h) => h.snippet !== null)).toEqual(Array.from({ length: n }, (_, i) => i < SNIPPET_HITS));
    expect(all.hits[0]!.snippet!.text).toContain('placebo arm');
    const two = await core['search.query']({ query: 'placebo', limit: 2 });
    expect(two.total).toBe(n);
    expect(two.hits.map((h) => h.articleId)).toEqual(all.hits.slice(0, 2).map((h) => h.articleId));
  });

  it('answers empty and odd queries without failing', async () => {
    const { core } = await newReview();
    await importAll(core);
    for (const query of ['', '   ', '"', 'AND OR NOT', '((*', '\u0000\u2028', 'x'.repeat(500), '"placebo" -"mort*"']) {
      const result = await core['search.query']({ query });
      expect(result.query).toBe(query);
      expect(result.total).toBe(result.hits.length);
    }
    expect((await core['search.query']({ query: '  ' })).total).toBe(0);
    expect((await searchReady(core, '"placebo" (ivig)')).total).toBe(1);
    await expect(core['search.query']({ query: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('follows the library: a deleted article disappears, an edited title is found', async () => {
    const { core } = await newReview();
    const id = await importAll(core);
    await searchReady(core, 'placebo');
    await core['articles.delete']({ id: id['surgery.txt']! });
    expect(ids(await core['search.query']({ query: 'cardiac' }))).toEqual([]);
    await core['articles.update']({ id: id['kidney.txt']!, changes: { title: 'Renal endpoints in the EMPA trial' } });
    expect(ids(await searchReady(core, 'empa renal'))).toEqual([id['kidney.txt']]);
    expect((await searchReady(core, 'empa renal')).hits[0]!.title).toBe('Renal endpoints in the EMPA trial');
    // The text still holds its first line; the hit carries the new title.
    expect((await searchReady(core, 'sglt2 ')).hits.map((h) => h.title)).toEqual(['Renal endpoints in the EMPA trial']);
  });

  it('holds indexing while an import batch runs, and indexes the batch right after it', async () => {
    const { core } = await newReview();
    await searchReady(core, 'x'); // the empty review's index is loaded
    const folder = await mkdtemp(path.join(os.tmpdir(), 'search-batch-'));
    for (const [name, text] of Object.entries(TEXTS)) await writeFile(path.join(folder, name), text);
    const during: SearchResult[] = [];
    const outcomes = await core.importPaths([folder], {
      // Files already committed by this batch are not indexed while it runs.
      onProgress: (done) => {
        if (done >= 2) void core['search.query']({ query: 'placebo' }).then((r) => during.push(r));
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    expect(during.length).toBeGreaterThan(0);
    for (const r of during) expect(r.index).toMatchObject({ ready: false, indexed: 0 });
    expect((await searchReady(core, 'placebo')).total).toBe(3);
  });

  it('writes the index at close and reuses it on reopen without rewriting it', async () => {
    const { dir, core } = await newReview();
    const id = await importAll(core);
    const before = await searchReady(core, 'placebo');
    await core.close();
    const file = indexFilePath(dir);
    expect(await isFile(file)).toBe(true);
    const written = await stat(file);

    const again = await openTest(dir);
    const started = Date.now();
    const after = await searchReady(again, 'placebo');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(after.hits.map((h) => [h.articleId, h.snippet])).toEqual(before.hits.map((h) => [h.articleId, h.snippet]));
    expect(after.index).toEqual({ ready: true, indexed: 3, total: 3 });
    expect(ids(after)).toContain(id['ivig.txt']);
    await again.close();
    // Nothing changed, so nothing was written.
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);
  });

  it('rebuilds a damaged index file, and brings a stale one up to date', async () => {
    const { dir, core } = await newReview();
    const id = await importAll(core);
    await searchReady(core, 'placebo');
    await core.close();
    const file = indexFilePath(dir);
    const old = `${file}.old`;
    await copyFile(file, old);

    // Stale: the library changes while the saved index stays as it was.
    const second = await openTest(dir);
    await second['articles.delete']({ id: id['surgery.txt']! });
    await second['articles.update']({ id: id['kidney.txt']!, changes: { title: 'Renal endpoints' } });
    await second['articles.import']({ files: [{ fileName: 'new.txt', base64: base64('Late addition\nPlacebo again.') }] });
    await second.close();
    await copyFile(old, file);
    const third = await openTest(dir);
    expect((await searchReady(third, 'placebo')).total).toBe(3);
    expect(ids(await searchReady(third, 'cardiac'))).toEqual([]);
    expect(ids(await searchReady(third, 'renal'))).toEqual([id['kidney.txt']]);
    expect((await searchReady(third, 'late addition')).total).toBe(1);
    await third.close();

    // Damaged: garbage in the file is replaced by a rebuilt index.
    await writeFile(file, '{"format":"evidentia-search-index",\nnot json');
    const fourth = await openTest(dir);
    expect((await searchReady(fourth, 'placebo')).total).toBe(3);
    await fourth.close();
    expect((await readFile(file, 'utf8')).split('\n')[0]).toContain('"format":"evidentia-search-index"');
  });

  it('a read-only second opener searches too, and never writes the index', async () => {
    const { dir, core } = await newReview();
    const id = await importAll(core);
    const second = await openTest(dir);
    expect((await second['review.info']({})).readOnly).toBe(true);
    expect(ids(await searchReady(second, 'csorgo'))).toEqual([id['ivig.txt']]);
    await second.close();
    expect(await isFile(indexFilePath(dir))).toBe(false);
    expect(await isFile(path.join(dir, '.index'))).toBe(false);
  });
});
