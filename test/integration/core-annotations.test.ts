import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diskFull } from './disk-full.js';
import { describe, expect, it, vi } from 'vitest';
import { AnnotationFile, ReviewFile, type Article } from '../../shared/model/index.js';
import type { Core } from '../../electron/core/types.js';
import { base64, isFile, newReview, openTest } from './core-helpers.js';

const TEXT = [
  'ProDERM trial report',
  'At week 16, the mean change in CDASI activity score was −9.36 with IVIg and −1.16 with placebo.',
  'A response occurred in 79% of the IVIg group and in 44% of the placebo group.',
].join('\n');

const OUTCOME = {
  type: 'outcome' as const,
  fields: { outcome: 'CDASI-A change', arm: 'IVIg', timepoint: 'week 16', measure: 'mean change', value: '−9.36', unit: 'points', ci_low: '', ci_high: '', p_value: '', n: '', note: '' },
};

async function importText(core: Core, text = TEXT, fileName = 'proderm.txt'): Promise<string> {
  const report = await core['articles.import']({ files: [{ fileName, base64: base64(text) }] });
  return report.results[0]!.articleId!;
}

function spanOf(quote: string, text = TEXT) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, exact: quote };
}

async function readShard(dir: string, articleId: string, reviewer: string) {
  return AnnotationFile.parse(JSON.parse(await readFile(path.join(dir, 'annotations', articleId, `${reviewer}.json`), 'utf8')));
}

vi.mock('node:fs/promises', async (real) => (await import('./disk-full.js')).fullDiskPromises(await real()));
vi.mock('node:fs', async (real) => (await import('./disk-full.js')).fullDiskFs(await real()));

describe('annotations', () => {
  it('a save that the disk refuses is an io-error naming the file, and nothing changes', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    const kept = await core['annotations.create']({ articleId, ...spanOf('was −9.36 with IVIg'), body: OUTCOME });
    const shardFile = path.join(dir, 'annotations', articleId, 'me.json');
    const before = await readFile(shardFile, 'utf8');
    diskFull.on = true;
    try {
      const attempt = core['annotations.create']({ articleId, ...spanOf('79% of the IVIg group'), body: OUTCOME });
      await expect(attempt).rejects.toMatchObject({ code: 'io-error', message: expect.stringContaining(`Could not save ${shardFile}`) });
      await expect(core['annotations.delete']({ id: kept.id })).rejects.toMatchObject({ code: 'io-error' });
    } finally {
      diskFull.on = false;
    }
    expect(await readFile(shardFile, 'utf8')).toBe(before);
    expect((await core['annotations.list']({ articleId })).map((a) => a.id)).toEqual([kept.id]);
  });

  it('creates an annotation with W3C selectors in that reviewer’s shard', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    const created = await core['annotations.create']({ articleId, ...spanOf('was −9.36 with IVIg'), body: OUTCOME });
    expect(created).toMatchObject({ articleId, reviewer: 'me', body: OUTCOME, anchor: { status: 'exact', page: null } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.created).toBe(created.updated);
    expect(created.target.source).toBe(articleId);
    const q = spanOf('was −9.36 with IVIg');
    expect(created.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: q.exact, prefix: TEXT.slice(q.start - 32, q.start), suffix: TEXT.slice(q.end, q.end + 32) },
      { type: 'TextPositionSelector', start: q.start, end: q.end },
    ]);
    const shard = await readShard(dir, articleId, 'me');
    expect(shard).toMatchObject({ schemaVersion: 2, articleId, reviewer: 'me', study: [] });
    expect(shard.annotations.map((a) => a.id)).toEqual([created.id]);
    const review = ReviewFile.parse(JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8')));
    expect(review.reviewers).toEqual([{ id: 'me', name: 'me' }]);
  });

  it('refuses a span that does not hold the quote, and an unknown article', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    const span = spanOf('79% of the IVIg group');
    await expect(core['annotations.create']({ articleId, ...span, exact: '80% of the IVIg group', body: OUTCOME })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(core['annotations.create']({ articleId, start: TEXT.length - 2, end: TEXT.length + 5, exact: 'p.xxxxx', body: OUTCOME })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(core['annotations.create']({ articleId: '0123456789abcdef', ...span, body: OUTCOME })).rejects.toMatchObject({ code: 'not-found' });
    expect(await isFile(path.join(dir, 'annotations', articleId, 'me.json'))).toBe(false);
  });

  it('keeps each reviewer in their own shard and registers new reviewers', async () => {
    const { dir, core } = await newReview({ defaultReviewer: 'ana' });
    const articleId = await importText(core);
    const a = await core['annotations.create']({ articleId, ...spanOf('79%'), body: { type: 'note', text: 'first' } });
    const b = await core['annotations.create']({ articleId, ...spanOf('44%'), body: { type: 'note', text: 'second' }, reviewer: 'ben' });
    expect([a.reviewer, b.reviewer]).toEqual(['ana', 'ben']);
    expect((await readShard(dir, articleId, 'ana')).annotations.map((x) => x.id)).toEqual([a.id]);
    expect((await readShard(dir, articleId, 'ben')).annotations.map((x) => x.id)).toEqual([b.id]);
    expect((await core['review.info']({})).reviewers.map((r) => r.id)).toEqual(['ana', 'ben']);
  });

  it('persists create, update and delete across reopen', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    const other = await importText(core, 'Other article\nwith a line.', 'other.txt');
    const kept = await core['annotations.create']({ articleId, ...spanOf('was −9.36 with IVIg'), body: OUTCOME });
    const removed = await core['annotations.create']({ articleId, ...spanOf('44%'), body: { type: 'note', text: 'gone soon' } });
    const elsewhere = await core['annotations.create']({ articleId: other, start: 0, end: 13, exact: 'Other article', body: { type: 'note', text: 'x' } });
    await new Promise((r) => setTimeout(r, 5)); // so "updated" differs from "created"
    const updated = await core['annotations.update']({ id: kept.id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, p_value: '<0.001' } } });
    expect(updated.updated > updated.created).toBe(true);
    expect(await core['annotations.delete']({ id: removed.id })).toEqual({ id: removed.id });
    await core.close();

    const again = await openTest(dir);
    const all = await again['annotations.list']({});
    expect(all.map((a) => a.id)).toEqual([kept.id, elsewhere.id]);
    expect(all[0]).toMatchObject({ body: { fields: { p_value: '<0.001', value: '−9.36' } }, anchor: { status: 'exact' }, created: kept.created });
    expect((await again['annotations.list']({ articleId: other })).map((a) => a.id)).toEqual([elsewhere.id]);
    await expect(again['annotations.update']({ id: removed.id, body: OUTCOME })).rejects.toMatchObject({ code: 'not-found' });
    await expect(again['annotations.delete']({ id: removed.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(again['annotations.list']({ articleId: '0123456789abcdef' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('counts annotations per article in the library, updated on every write', async () => {
    const { core } = await newReview();
    const articleId = await importText(core);
    const count = async () => (await core['articles.list']({}))[0]!;
    expect(await count()).toMatchObject({ annotationCount: 0, orphanCount: 0 });
    const a = await core['annotations.create']({ articleId, ...spanOf('79%'), body: { type: 'note', text: '' } });
    await core['annotations.create']({ articleId, ...spanOf('44%'), body: { type: 'note', text: '' } });
    expect(await count()).toMatchObject({ annotationCount: 2, orphanCount: 0 });
    await core['annotations.delete']({ id: a.id });
    expect(await count()).toMatchObject({ annotationCount: 1, orphanCount: 0 });
  });

  it('keeps an annotation whose quote vanished from the article as an orphan, and never deletes it', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    const moved = await core['annotations.create']({ articleId, ...spanOf('in 44% of the placebo group'), body: OUTCOME });
    const lost = await core['annotations.create']({ articleId, ...spanOf('was −9.36 with IVIg'), body: OUTCOME });
    await core.close();
    const shardBefore = await readFile(path.join(dir, 'annotations', articleId, 'me.json'), 'utf8');

    // A re-extraction changed the text: a heading was added and the CDASI sentence is gone.
    const articleFile = path.join(dir, 'articles', `${articleId}.json`);
    const article = JSON.parse(await readFile(articleFile, 'utf8')) as Article;
    article.text = 'Updated version\n' + TEXT.replace(/At week 16[^\n]*\n/, '');
    await writeFile(articleFile, JSON.stringify(article));

    const again = await openTest(dir);
    const listed = await again['annotations.list']({ articleId });
    const byId = new Map(listed.map((a) => [a.id, a]));
    expect(byId.get(lost.id)!.anchor).toEqual({ status: 'orphan' });
    const movedAnchor = byId.get(moved.id)!.anchor;
    expect(movedAnchor.status).toBe('fuzzy');
    if (movedAnchor.status !== 'orphan') expect(article.text.slice(movedAnchor.start, movedAnchor.end)).toBe('in 44% of the placebo group');
    expect((await again['articles.list']({}))[0]).toMatchObject({ annotationCount: 2, orphanCount: 1 });
    // Listing did not touch the stored annotations.
    expect(await readFile(path.join(dir, 'annotations', articleId, 'me.json'), 'utf8')).toBe(shardBefore);
    // An orphan can still be edited and deleted.
    const edited = await again['annotations.update']({ id: lost.id, body: { type: 'note', text: 'quote gone' } });
    expect(edited.anchor).toEqual({ status: 'orphan' });
  });

  it('records the page for annotations on PDF-like articles', async () => {
    const { core } = await newReview();
    const text = 'Cover\fResults: CDASI change −9.36 at week 16';
    const articleId = await importText(core, text, 'paper.fakepdf');
    const article = await core['articles.get']({ id: articleId });
    const start = article.text.indexOf('−9.36');
    const created = await core['annotations.create']({ articleId, start, end: start + 5, exact: '−9.36', body: OUTCOME });
    expect(created.anchor).toMatchObject({ status: 'exact', page: 2 });
    expect(created.target.selector).toContainEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' });
  });

  it('reports a damaged shard by file name', async () => {
    const { dir, core } = await newReview();
    const articleId = await importText(core);
    await core['annotations.create']({ articleId, ...spanOf('79%'), body: { type: 'note', text: '' } });
    await core.close();
    const shard = path.join(dir, 'annotations', articleId, 'me.json');
    await writeFile(shard, '{"schemaVersion":1,"articleId":');
    const again = await openTest(dir);
    await expect(again['annotations.list']({ articleId })).rejects.toMatchObject({ code: 'corrupt-file', message: expect.stringContaining(shard) });
  });
});
