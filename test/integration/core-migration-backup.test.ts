/**
 * Backup before migrating: a file read from an older schema version is migrated in memory; the
 * first time it is written back, the file as it was on disk is first copied to
 * `<file>.v<oldVersion>.bak` (electron/core/store/json-file.ts), so a person can go back to the
 * older Evidentia with their data. Run on copies of the frozen fixtures (never the fixtures).
 */
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listTree, openTest, tempDir } from './core-helpers.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/migrations');

async function copyOf(name: 'v1-review' | 'v2-review'): Promise<string> {
  const dir = path.join(await tempDir('evidentia-migration-'), name);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const backups = async (dir: string): Promise<string[]> => (await listTree(dir)).filter((rel) => /\.v\d+\.bak$/.test(rel));

describe('backup before migrating', () => {
  it('copies each v1 file to <file>.v1.bak, byte for byte, before its first migrated write', async () => {
    const dir = await copyOf('v1-review');
    const [articleId] = await readdir(path.join(dir, 'annotations'));
    const files = { review: 'review.json', article: `articles/${articleId}.json`, shard: `annotations/${articleId}/me.json` };
    const original = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, rel]) => [k, await readFile(path.join(dir, rel))])));

    const core = await openTest(dir);
    const text = (await core['articles.get']({ id: articleId! })).text;
    // A new reviewer rewrites review.json; "me" rewrites the v1 shard; a title edit rewrites the article.
    await core['annotations.create']({ articleId: articleId!, start: 0, end: 5, exact: text.slice(0, 5), body: { type: 'note', text: 'zoe' }, reviewer: 'zoe' });
    await core['annotations.create']({ articleId: articleId!, start: 0, end: 5, exact: text.slice(0, 5), body: { type: 'note', text: 'me' }, reviewer: 'me' });
    await core['articles.update']({ id: articleId!, changes: { title: 'Retitled after the migration' } });
    await core.close();

    expect((await backups(dir)).sort()).toEqual([`${files.article}.v1.bak`, `${files.shard}.v1.bak`, `${files.review}.v1.bak`].sort());
    for (const [kind, rel] of Object.entries(files)) {
      expect(await readFile(path.join(dir, `${rel}.v1.bak`)), kind).toEqual(original[kind]);
      expect(JSON.parse(await readFile(path.join(dir, rel), 'utf8')).schemaVersion, kind).toBeGreaterThan(1);
    }
  });

  it('keeps the first backup: later writes and later sessions never replace it', async () => {
    const dir = await copyOf('v1-review');
    const originalReview = await readFile(path.join(dir, 'review.json'));
    for (const reviewer of ['ann', 'bob']) {
      const core = await openTest(dir);
      const [article] = await core['articles.list']({});
      const text = (await core['articles.get']({ id: article!.id })).text;
      await core['annotations.create']({ articleId: article!.id, start: 0, end: 5, exact: text.slice(0, 5), body: { type: 'note', text: reviewer }, reviewer });
      await core.close();
    }
    expect(await readFile(path.join(dir, 'review.json.v1.bak'))).toEqual(originalReview);
    // review.json is current now: its later writes make no version backup of their own.
    expect((await backups(dir)).filter((rel) => rel.startsWith('review.json'))).toEqual(['review.json.v1.bak']);
  });

  it('backs up only the files that were migrated (v2 review: review.json, not the current shards)', async () => {
    const dir = await copyOf('v2-review');
    const originalReview = await readFile(path.join(dir, 'review.json'));
    const core = await openTest(dir);
    const [article] = await core['articles.list']({});
    const text = (await core['articles.get']({ id: article!.id })).text;
    await core['annotations.create']({ articleId: article!.id, start: 0, end: 5, exact: text.slice(0, 5), body: { type: 'note', text: 'x' }, reviewer: 'me' });
    await core['annotations.create']({ articleId: article!.id, start: 0, end: 5, exact: text.slice(0, 5), body: { type: 'note', text: 'y' }, reviewer: 'zoe' });
    await core.close();
    expect(await backups(dir)).toEqual(['review.json.v2.bak']);
    expect(await readFile(path.join(dir, 'review.json.v2.bak'))).toEqual(originalReview);
  });

  it('writes no backup when nothing is written (opening and reading an old review)', async () => {
    const dir = await copyOf('v1-review');
    for (const readOnly of [true, false]) {
      const core = await openTest(dir, { readOnly });
      for (const article of await core['articles.list']({})) await core['articles.get']({ id: article.id });
      await core['annotations.list']({});
      await core.close();
    }
    expect(await backups(dir)).toEqual([]);
  });
});
