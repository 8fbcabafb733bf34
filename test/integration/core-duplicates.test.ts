/**
 * Resolving the duplicate queue through the core: merges move every annotation, study value and
 * file to the kept article and survive reopening; "not duplicates" is remembered; reports of one
 * study are linked, not merged. Candidates are written into review.json while the review is closed,
 * so these tests do not depend on what the importer detects.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/types.js';
import { Article, ReviewFile, type DuplicateCandidate } from '../../shared/model/index.js';
import { base64, isFile, newReview, openTest } from './core-helpers.js';

const ALPHA = 'Alpha report of the ProDERM trial\nAt week 16, 79% of the IVIg group responded, against 44% on placebo.';
const BETA = 'Beta: ProDERM trial, a second record\nThe mean change in CDASI-A was −9.36 with IVIg.\nAt week 16, 79% of the IVIg group responded.';
const GAMMA = 'Gamma: an unrelated study of something else\nNothing here.';

async function importText(core: Core, fileName: string, text: string): Promise<string> {
  const { results } = await core['articles.import']({ files: [{ fileName, base64: base64(text) }] });
  expect(results[0]).toMatchObject({ status: 'imported' });
  return results[0]!.articleId!;
}

async function annotate(core: Core, articleId: string, text: string, quote: string, reviewer?: string) {
  const start = text.indexOf(quote);
  return core['annotations.create']({ articleId, start, end: start + quote.length, exact: quote, body: { type: 'note', text: quote }, ...(reviewer ? { reviewer } : {}) });
}

async function readReview(dir: string): Promise<ReviewFile> {
  return ReviewFile.parse(JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8')));
}

/** Edit review.json on disk; the review must be closed. */
async function editReview(dir: string, change: (review: ReviewFile) => void): Promise<void> {
  const review = await readReview(dir);
  change(review);
  await writeFile(path.join(dir, 'review.json'), JSON.stringify(review, null, 2));
}

const candidate = (a: string, b: string): DuplicateCandidate => ({ a, b, reason: 'title-year-author', detected: '2024-05-01T10:00:00.000Z' });

/** Three imported articles, the given pairs queued, the review reopened. */
async function reviewWithQueue(pairs: (ids: { alpha: string; beta: string; gamma: string }) => DuplicateCandidate[], setup?: (core: Core, ids: { alpha: string; beta: string; gamma: string }) => Promise<void>) {
  const { dir, core } = await newReview();
  const ids = { alpha: await importText(core, 'alpha.txt', ALPHA), beta: await importText(core, 'beta.txt', BETA), gamma: await importText(core, 'gamma.txt', GAMMA) };
  await setup?.(core, ids);
  await core.close();
  await editReview(dir, (review) => {
    review.duplicates.pending = pairs(ids);
  });
  return { dir, ids, core: await openTest(dir) };
}

describe('duplicates.list', () => {
  it('lists queued pairs with both library rows, leaving out pairs whose article is gone', async () => {
    const { ids, core } = await reviewWithQueue(({ alpha, beta, gamma }) => [candidate(alpha, beta), candidate(gamma, 'ffffffffffffffff')]);
    const pairs = await core['duplicates.list']({});
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: { id: ids.alpha, title: 'Alpha report of the ProDERM trial' }, b: { id: ids.beta, annotationCount: 0 }, reason: 'title-year-author' });
  });
});

describe('duplicates.resolve: merge', () => {
  it("moves the other article's annotations, study values and files to the kept one, and keeps them after reopening", async () => {
    let made: { me: string; ana: string; alphaOwn: string } | undefined;
    const { dir, ids, core } = await reviewWithQueue(
      ({ alpha, beta, gamma }) => [candidate(alpha, beta), candidate(beta, gamma)],
      async (c, { alpha, beta, gamma }) => {
        const me = await annotate(c, beta, BETA, 'mean change in CDASI-A was −9.36');
        const ana = await annotate(c, beta, BETA, '79% of the IVIg group responded', 'ana');
        const alphaOwn = await annotate(c, alpha, ALPHA, '44% on placebo');
        await c['study.save']({ articleId: beta, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95' }, reviewer: 'ana' });
        await c['study.save']({ articleId: alpha, templateId: 'trial-outcomes', fields: { design: 'Crossover RCT' } });
        await c['study.save']({ articleId: beta, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT' } });
        await c['duplicates.resolve']({ a: beta, b: gamma, action: 'same-study' });
        made = { me: me.id, ana: ana.id, alphaOwn: alphaOwn.id };
      },
    );
    const betaBefore = Article.parse(JSON.parse(await readFile(path.join(dir, 'articles', `${ids.beta}.json`), 'utf8')));
    // An edit before the merge: the core now knows where each annotation lives.
    await core['annotations.update']({ id: made!.ana, body: { type: 'note', text: 'edited before merge' } });

    expect(await core['duplicates.resolve']({ a: ids.alpha, b: ids.beta, action: 'merge' })).toEqual({ kept: ids.alpha });

    const check = async (c: Core) => {
      expect((await c['articles.list']({})).map((a) => a.id).sort()).toEqual([ids.alpha, ids.gamma].sort());
      const notes = await c['annotations.list']({ articleId: ids.alpha });
      expect(notes.map((n) => n.id).sort()).toEqual([made!.me, made!.ana, made!.alphaOwn].sort());
      for (const n of notes) expect(n).toMatchObject({ articleId: ids.alpha, target: { source: ids.alpha } });
      // Re-anchored by quote in the kept text, or kept as an orphan: never dropped.
      expect(notes.find((n) => n.id === made!.ana)!.anchor.status).toBe('fuzzy');
      expect(notes.find((n) => n.id === made!.me)!.anchor.status).toBe('orphan');
      const study = await c['study.get']({ articleId: ids.alpha });
      expect(study.map((s) => [s.reviewer, s.fields.design])).toEqual([
        ['ana', 'Parallel RCT'],
        ['me', 'Crossover RCT'], // the kept article's own values win
      ]);
      const kept = await c['articles.get']({ id: ids.alpha });
      expect(kept.attachments).toEqual([betaBefore.source]);
      expect(await isFile(path.join(dir, betaBefore.source.storedAs))).toBe(true);
      // The queue and the study groups now name the kept article.
      expect((await c['duplicates.list']({})).map((p) => [p.a.id, p.b.id])).toEqual([[ids.alpha, ids.gamma]]);
      expect((await c['studies.list']({})).map((g) => g.articleIds)).toEqual([[ids.alpha, ids.gamma]]);
      const summary = (await c['articles.list']({})).find((a) => a.id === ids.alpha)!;
      expect(summary).toMatchObject({ annotationCount: 3, orphanCount: 1 });
    };
    await check(core);
    expect(await isFile(path.join(dir, 'articles', `${ids.beta}.json`))).toBe(false);
    expect(await readdir(path.join(dir, 'annotations'))).not.toContain(ids.beta);
    await expect(core['articles.get']({ id: ids.beta })).rejects.toMatchObject({ code: 'not-found' });
    // Moved annotations can be edited at once, without reopening.
    await core['annotations.update']({ id: made!.ana, body: { type: 'note', text: 'edited after merge' } });
    await core['annotations.delete']({ id: made!.alphaOwn });
    made!.alphaOwn = (await annotate(core, ids.alpha, ALPHA, '44% on placebo')).id;

    await core.close();
    const reopened = await openTest(dir);
    await check(reopened);
    expect((await reopened['annotations.list']({ articleId: ids.alpha })).find((n) => n.id === made!.ana)!.body).toEqual({ type: 'note', text: 'edited after merge' });
  });

  it('keeps the article named in `keep`, and a citation record takes the full text of the other', async () => {
    const { dir, ids, core } = await reviewWithQueue(({ alpha, beta }) => [candidate(alpha, beta)]);
    const recordId = await annotate(core, ids.alpha, ALPHA, '79% of the IVIg group').then((n) => n.id);
    await core.close();
    // Make alpha a citation record (its text is its abstract) with a DOI the PDF lacks.
    const file = path.join(dir, 'articles', `${ids.alpha}.json`);
    const alpha = Article.parse(JSON.parse(await readFile(file, 'utf8')));
    await writeFile(file, JSON.stringify({ ...alpha, kind: 'citation', abstract: alpha.text, doi: '10.1056/NEJMoa2117912', authors: ['Aggarwal R'] }));
    await editReview(dir, (review) => {
      review.articles = review.articles.map((r) => (r.id === ids.alpha ? { ...r, kind: 'citation' } : r));
    });
    const core2 = await openTest(dir);
    const betaBefore = await core2['articles.get']({ id: ids.beta });

    expect(await core2['duplicates.resolve']({ a: ids.beta, b: ids.alpha, action: 'merge', keep: ids.alpha })).toEqual({ kept: ids.alpha });
    const merged = await core2['articles.get']({ id: ids.alpha });
    expect(merged).toMatchObject({ kind: 'text', text: BETA, source: betaBefore.source, doi: '10.1056/NEJMoa2117912', authors: ['Aggarwal R'], abstract: ALPHA });
    expect(merged.attachments.map((f) => f.sha256)).toEqual([alpha.source.sha256]);
    const row = (await core2['articles.list']({})).find((a) => a.id === ids.alpha)!;
    expect(row).toMatchObject({ kind: 'text', fileName: 'beta.txt' });
    // The record's annotation re-anchors in the full text by its quote.
    const [note] = await core2['annotations.list']({ articleId: ids.alpha });
    expect(note).toMatchObject({ id: recordId, anchor: { status: 'fuzzy' } });
  });

  it('leaves both articles as they were when review.json cannot be written', async () => {
    const { dir, ids, core } = await reviewWithQueue(({ alpha, beta }) => [candidate(alpha, beta)]);
    await annotate(core, ids.beta, BETA, '79% of the IVIg group');
    const before = {
      alpha: await readFile(path.join(dir, 'articles', `${ids.alpha}.json`), 'utf8'),
      review: await readFile(path.join(dir, 'review.json'), 'utf8'),
    };
    // lowdb writes through "<file>.tmp"; a folder there makes the write fail as a full disk would.
    await mkdir(path.join(dir, '.review.json.tmp'));
    await expect(core['duplicates.resolve']({ a: ids.alpha, b: ids.beta, action: 'merge' })).rejects.toMatchObject({ code: 'io-error' });
    expect(await readFile(path.join(dir, 'review.json'), 'utf8')).toBe(before.review);
    // Written back as it was (the same fields and values; key order may differ).
    expect(JSON.parse(await readFile(path.join(dir, 'articles', `${ids.alpha}.json`), 'utf8'))).toEqual(JSON.parse(before.alpha));
    expect(await core['annotations.list']({ articleId: ids.alpha })).toEqual([]);
    expect(await core['annotations.list']({ articleId: ids.beta })).toHaveLength(1);
    expect(await core['duplicates.list']({})).toHaveLength(1);
  });
});

describe('duplicates.resolve: not-duplicate and same-study', () => {
  it('remembers "not duplicates" across reopening and takes the pair out of the queue', async () => {
    const { dir, ids, core } = await reviewWithQueue(({ alpha, beta, gamma }) => [candidate(beta, alpha), candidate(alpha, gamma)]);
    expect(await core['duplicates.resolve']({ a: ids.beta, b: ids.alpha, action: 'not-duplicate' })).toEqual({ kept: null });
    expect((await core['duplicates.list']({})).map((p) => [p.a.id, p.b.id])).toEqual([[ids.alpha, ids.gamma]]);
    await core.close();
    const review = await readReview(dir);
    expect(review.duplicates.notDuplicates).toEqual([[ids.alpha, ids.beta].sort()]);
    expect(review.articles).toHaveLength(3);
  });

  it('links reports of one study without merging them, joining an existing group', async () => {
    const { dir, ids, core } = await reviewWithQueue(({ alpha, beta }) => [candidate(alpha, beta)]);
    await core['duplicates.resolve']({ a: ids.alpha, b: ids.beta, action: 'same-study' });
    const [group] = await core['studies.list']({});
    expect(group).toMatchObject({ label: 'Alpha report of the ProDERM trial', articleIds: [ids.alpha, ids.beta] });
    expect(await core['duplicates.list']({})).toEqual([]);
    await core['duplicates.resolve']({ a: ids.gamma, b: ids.beta, action: 'same-study' });
    expect(await core['studies.list']({})).toEqual([{ ...group, articleIds: [ids.alpha, ids.beta, ids.gamma] }]);
    expect((await core['articles.list']({})).map((a) => a.id).sort()).toEqual([ids.alpha, ids.beta, ids.gamma].sort());
    await core.close();
    expect((await readReview(dir)).studies).toHaveLength(1);
  });

  it('refuses a pair of one article, an unknown article, and a `keep` outside the pair', async () => {
    const { ids, core } = await reviewWithQueue(() => []);
    await expect(core['duplicates.resolve']({ a: ids.alpha, b: ids.alpha, action: 'not-duplicate' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(core['duplicates.resolve']({ a: ids.alpha, b: 'ffffffffffffffff', action: 'merge' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core['duplicates.resolve']({ a: ids.alpha, b: ids.beta, action: 'merge', keep: ids.gamma })).rejects.toMatchObject({ code: 'bad-input' });
    expect(await core['articles.list']({})).toHaveLength(3);
  });
});
