/**
 * The annotation catalogue (.index/annotations-v1.json): library counts and annotation lookups
 * without reading every shard, persisted at close, checked against the shard files at open, and
 * rebuilt when missing or damaged. The shards stay the truth in every case.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationFile } from '../../shared/model/index.js';
import type { Core } from '../../electron/core/types.js';
import { Catalogue } from '../../electron/core/store/catalogue.js';
import { base64, isFile, newReview, openTest } from './core-helpers.js';

const TEXT = 'Catalogue trial\nThe mean change was −9.36 with IVIg and −1.16 with placebo. Response was 79% versus 44%.';
const NOTE = { type: 'note' as const, text: 'checked' };

async function importText(core: Core, name: string, text = TEXT): Promise<string> {
  const report = await core['articles.import']({ files: [{ fileName: name, base64: base64(`${name}\n${text}`) }] });
  return report.results[0]!.articleId!;
}

async function tag(core: Core, articleId: string, quote: string, reviewer?: string) {
  const article = await core['articles.get']({ id: articleId });
  const start = article.text.indexOf(quote);
  return core['annotations.create']({ articleId, start, end: start + quote.length, exact: quote, body: NOTE, ...(reviewer ? { reviewer } : {}) });
}

const countsOf = async (core: Core) => Object.fromEntries((await core['articles.list']({})).map((a) => [a.id, [a.annotationCount, a.orphanCount]]));

describe('annotation catalogue', () => {
  it('is written at close and answers counts and lookups after reopening, equal to the shards', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    const b = await importText(core, 'b.txt');
    const first = await tag(core, a, '−9.36');
    await tag(core, a, '79%', 'alice');
    await tag(core, b, '44%');
    const before = await countsOf(core);
    expect(before).toEqual({ [a]: [2, 0], [b]: [1, 0] });
    await core.close();
    expect(await isFile(path.join(dir, '.index', 'annotations-v1.json'))).toBe(true);

    const again = await openTest(dir);
    expect(await countsOf(again)).toEqual(before);
    // Found by id without reading every shard: update goes to alice's or me's shard as stored.
    const updated = await again['annotations.update']({ id: first.id, body: { type: 'note', text: 'again' } });
    expect(updated.body).toEqual({ type: 'note', text: 'again' });
    await again['annotations.delete']({ id: first.id });
    expect(await countsOf(again)).toEqual({ [a]: [1, 0], [b]: [1, 0] });
  });

  it('a shard changed behind its back (a sync tool, a crash before the snapshot) is re-read at open', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    const made = await tag(core, a, '−9.36');
    await core.close();
    // A teammate's shard arrives, and mine loses its annotation, while the app is closed.
    const mine = path.join(dir, 'annotations', a, 'me.json');
    const shard = AnnotationFile.parse(JSON.parse(await readFile(mine, 'utf8')));
    await writeFile(path.join(dir, 'annotations', a, 'bob.json'), JSON.stringify({ ...shard, reviewer: 'bob', annotations: shard.annotations.map((x) => ({ ...x, id: '6f1b2c3d-0000-4000-8000-000000000001', reviewer: 'bob' })) }));
    await writeFile(mine, JSON.stringify({ ...shard, annotations: [] }));

    const again = await openTest(dir);
    // The snapshot answers at once (stale here); the check against the files follows in the background.
    await expect.poll(async () => (await again['annotations.list']({ articleId: a })).map((x) => x.reviewer)).toEqual(['bob']);
    expect((await countsOf(again))[a]).toEqual([1, 0]);
    await expect(again['annotations.delete']({ id: made.id })).rejects.toMatchObject({ code: 'not-found' });
    await again['annotations.delete']({ id: '6f1b2c3d-0000-4000-8000-000000000001' });
    expect((await countsOf(again))[a]).toEqual([0, 0]);
  });

  it('a shard damaged while the app was closed is reported when its article is read, never trusted', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    await tag(core, a, '−9.36');
    await core.close();
    const mine = path.join(dir, 'annotations', a, 'me.json');
    const shard = JSON.parse(await readFile(mine, 'utf8')) as { annotations: Array<{ body: unknown }> };
    shard.annotations[0]!.body = { type: 'no such body' };
    await writeFile(mine, JSON.stringify(shard));
    for (let i = 0; i < 2; i++) {
      const again = await openTest(dir);
      await expect(again['annotations.list']({ articleId: a })).rejects.toMatchObject({ code: 'corrupt-file' });
      await again.close();
    }
  });

  it('a missing or damaged snapshot is rebuilt from the shards', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    await tag(core, a, '−9.36');
    await tag(core, a, '79%');
    await core.close();
    const file = path.join(dir, '.index', 'annotations-v1.json');

    await writeFile(file, '{"schemaVersion":1,"shards":[["not an id"');
    const damaged = await openTest(dir);
    expect((await countsOf(damaged))[a]).toEqual([2, 0]);
    await damaged.close();
    expect(JSON.parse(await readFile(file, 'utf8')).shards).toHaveLength(1);

    await rm(path.join(dir, '.index'), { recursive: true });
    const missing = await openTest(dir);
    expect((await countsOf(missing))[a]).toEqual([2, 0]);
    await missing.close();

    // Counts whose ids file is missing: the ids are read from the shards, lookups still work.
    await rm(path.join(dir, '.index', 'annotation-ids-v1.json'));
    const noIds = await openTest(dir);
    const [first] = await noIds['annotations.list']({ articleId: a });
    await noIds['annotations.delete']({ id: first!.id });
    expect((await countsOf(noIds))[a]).toEqual([1, 0]);
  });

  it('a read-only opener reads the snapshot but never writes it', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    await tag(core, a, '−9.36');
    const reader = await openTest(dir); // the writer holds the lock: read-only
    expect((await reader['review.info']({})).readOnly).toBe(true);
    expect((await countsOf(reader))[a]).toEqual([1, 0]);
    await reader.close();
    expect(await isFile(path.join(dir, '.index', 'annotations-v1.json'))).toBe(false);
  });

  it('annotations made on another text of the article are anchored to count orphans', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    await tag(core, a, '−9.36');
    await core.close();
    // The shard now claims another source file and a quote that is not in the text.
    const mine = path.join(dir, 'annotations', a, 'me.json');
    const shard = AnnotationFile.parse(JSON.parse(await readFile(mine, 'utf8')));
    const moved = shard.annotations.map((x) => ({
      ...x,
      target: { ...x.target, sourceHash: '0'.repeat(64), selector: x.target.selector.map((s) => (s.type === 'TextQuoteSelector' ? { ...s, exact: 'nowhere to be found' } : s.type === 'TextPositionSelector' ? { ...s, start: 0, end: 3 } : s)) },
    }));
    await writeFile(mine, JSON.stringify({ ...shard, annotations: moved }));
    await rm(path.join(dir, '.index'), { recursive: true });
    const again = await openTest(dir);
    await expect.poll(async () => (await countsOf(again))[a]).toEqual([1, 1]);
  });

  it('settled() resolves once the counts it could not know at open are anchored, and the snapshot keeps them', async () => {
    const { dir, core } = await newReview();
    const a = await importText(core, 'a.txt');
    await tag(core, a, '−9.36');
    await core.close();
    // The shard changed outside the app and the snapshot is gone: its orphan count is unknown at open.
    const mine = path.join(dir, 'annotations', a, 'me.json');
    const shard = AnnotationFile.parse(JSON.parse(await readFile(mine, 'utf8')));
    await writeFile(mine, JSON.stringify({ ...shard, annotations: shard.annotations.map((x) => ({ ...x, target: { ...x.target, sourceHash: '1'.repeat(64) } })) }));
    await rm(path.join(dir, '.index'), { recursive: true });

    const again = await openTest(dir);
    await again.settled();
    await again.close();
    const snapshot = JSON.parse(await readFile(path.join(dir, '.index', 'annotations-v1.json'), 'utf8')) as { shards: unknown[][] };
    // [articleId, reviewer, count, orphans, size, mtimeMs, written]: anchored (0 orphans: the quote is still there), not null.
    expect(snapshot.shards.find((row) => row[0] === a)?.slice(0, 4)).toEqual([a, 'me', 1, 0]);
  });
});

describe('Catalogue', () => {
  const annotation = (id: string) => ({ id, target: { sourceHash: 'h' } }) as never;
  it('round-trips through its snapshot and keeps lookups in step with records and drops', () => {
    const c = new Catalogue();
    c.record('a1', 'me', [annotation('x'), annotation('y')], { size: 10, mtimeMs: 1 }, 0, true);
    c.record('a1', 'bob', [annotation('z')], { size: 5, mtimeMs: 2 }, null, false);
    c.record('a2', 'me', [], { size: 2, mtimeMs: 3 }, 0, true);
    expect(c.locate('z')).toEqual({ articleId: 'a1', reviewer: 'bob' });
    const { counts, ids } = c.toSnapshot('g1');
    const back = Catalogue.fromSnapshot(counts);
    expect(back.idsKnown).toBe(false);
    expect(back.addIds(ids.ids)).toBe(true);
    expect(back.counts('a1')).toEqual({ annotationCount: 3, orphanCount: 0 });
    expect(back.reviewersOf('a1')).toEqual(['bob', 'me']);
    expect(back.articlesWithUnknownOrphans()).toEqual(['a1']);
    expect(back.writtenStampOf('a1', 'me')).toMatchObject({ size: 10, mtimeMs: 1 });
    expect(back.writtenStampOf('a1', 'bob')).toBeNull();
    back.record('a1', 'me', [annotation('y')], { size: 8, mtimeMs: 4 }, 0, true);
    expect(back.locate('x')).toBeNull();
    expect(back.locate('y')).toEqual({ articleId: 'a1', reviewer: 'me' });
    back.dropArticle('a1');
    expect(back.locate('z')).toBeNull();
    expect(back.counts('a1')).toEqual({ annotationCount: 0, orphanCount: 0 });
    expect(back.annotationCount).toBe(0);
  });
});
