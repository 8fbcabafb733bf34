/**
 * What opening a review repairs (electron/core/store/recover.ts): review.json restored from
 * review.json.bak when it is damaged or missing, temporary files of interrupted writes removed; and
 * what a read-only opener does instead (reads the backup, changes nothing).
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidentiaError } from '../../shared/result.js';
import { isFile, listTree, newReview, openTest, testLog } from './core-helpers.js';

/** A closed review whose review.json has had two writes (a reviewer each), so review.json.bak holds the first. */
async function reviewWithTwoReviewers(): Promise<{ dir: string; articleId: string }> {
  const { dir, core } = await newReview();
  const imported = await core['articles.import']({ files: [{ fileName: 'a.txt', base64: Buffer.from('Alpha\nThe mean change was -9.36.').toString('base64') }] });
  const articleId = imported.results[0]!.articleId!;
  for (const reviewer of ['ann', 'bob']) {
    await core['annotations.create']({ articleId, start: 0, end: 5, exact: 'Alpha', body: { type: 'note', text: reviewer }, reviewer });
  }
  await core.close();
  return { dir, articleId };
}

const reviewersIn = async (file: string): Promise<string[]> =>
  (JSON.parse(await readFile(file, 'utf8')) as { reviewers: Array<{ id: string }> }).reviewers.map((r) => r.id);

describe('review.json backup and recovery at open', () => {
  it('keeps the version before the last write of review.json as review.json.bak', async () => {
    const { dir } = await reviewWithTwoReviewers();
    expect(await reviewersIn(path.join(dir, 'review.json'))).toEqual(['ann', 'bob']);
    expect(await reviewersIn(path.join(dir, 'review.json.bak'))).toEqual(['ann']);
  });

  it('restores a damaged review.json from its backup, keeps the damaged file aside and tells the user', async () => {
    const { dir, articleId } = await reviewWithTwoReviewers();
    const damaged = '{"schemaVersion": 3, "name": "Test rev';
    await writeFile(path.join(dir, 'review.json'), damaged);
    const { messages, log } = testLog();
    const core = await openTest(dir, { log });

    const info = await core['review.info']({});
    expect(info.readOnly).toBe(false);
    expect((await core['articles.list']({})).map((a) => a.id)).toEqual([articleId]);
    expect(messages.join('\n')).toMatch(/review\.json was damaged; it was restored from its last good copy \(review\.json\.bak, saved .+\)/);
    // The app shows the same words in a banner (review.info's notices).
    expect(info.notices).toEqual([expect.stringMatching(/^review\.json was damaged; it was restored/)]);
    expect(await reviewersIn(path.join(dir, 'review.json'))).toEqual(['ann']);
    const aside = (await readdir(dir)).filter((n) => n.startsWith('review.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, aside[0]!), 'utf8')).toBe(damaged);
    // Annotations live in their shards, not in review.json: both reviewers' are still there.
    expect((await core['annotations.list']({ articleId })).map((a) => a.reviewer).sort()).toEqual(['ann', 'bob']);
  });

  it('restores a missing review.json from its backup', async () => {
    const { dir, articleId } = await reviewWithTwoReviewers();
    await rm(path.join(dir, 'review.json'));
    const { messages, log } = testLog();
    const core = await openTest(dir, { log });
    expect((await core['articles.list']({})).map((a) => a.id)).toEqual([articleId]);
    expect(messages.join('\n')).toMatch(/review\.json was missing; it was restored/);
    expect(await isFile(path.join(dir, 'review.json'))).toBe(true);
  });

  it('reads the backup without repairing anything when it opens read-only', async () => {
    const { dir, articleId } = await reviewWithTwoReviewers();
    await writeFile(path.join(dir, 'review.json'), 'not json');
    const before = await listTree(dir);
    const { messages, log } = testLog();
    const core = await openTest(dir, { readOnly: true, log });
    expect((await core['articles.list']({})).map((a) => a.id)).toEqual([articleId]);
    expect(messages.join('\n')).toMatch(/showing its last good copy .* read-only/);
    await core.close();
    expect(await listTree(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'review.json'), 'utf8')).toBe('not json');
  });

  it('reports the damage when the backup is damaged too', async () => {
    const { dir } = await reviewWithTwoReviewers();
    await writeFile(path.join(dir, 'review.json'), 'not json');
    await writeFile(path.join(dir, 'review.json.bak'), 'not json either');
    const error = await openTest(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidentiaError);
    expect((error as EvidentiaError).code).toBe('corrupt-file');
    expect((error as EvidentiaError).message).toMatch(/review\.json is damaged: it is not valid JSON/);
  });
});

describe('temporary files of interrupted writes', () => {
  const leftovers = ['.review.json.0123456789ab.tmp', 'articles/.x.json.0123456789ab.tmp', 'files/.blob.txt.0123456789ab.tmp', '.index/.annotations-v1.json.tmp'];

  async function plant(dir: string, articleId: string): Promise<string[]> {
    const planted = [...leftovers, `annotations/${articleId}/.me.json.0123456789ab.tmp`];
    for (const rel of planted) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), '{"half": ');
    }
    return planted;
  }

  it('are removed by a writable open (the shard folders in the background, done by close)', async () => {
    const { dir, articleId } = await reviewWithTwoReviewers();
    await plant(dir, articleId);
    const { messages, log } = testLog();
    const core = await openTest(dir, { log });
    await core.close();
    expect((await listTree(dir)).filter((rel) => rel.endsWith('.tmp'))).toEqual([]);
    expect(messages.join('\n')).toMatch(/removed temporary files left by an interrupted write/);
  });

  it('are left alone by a read-only open (they may belong to the writer)', async () => {
    const { dir, articleId } = await reviewWithTwoReviewers();
    const planted = await plant(dir, articleId);
    const core = await openTest(dir, { readOnly: true });
    await core.close();
    expect((await listTree(dir)).filter((rel) => rel.endsWith('.tmp')).sort()).toEqual(planted.sort());
  });
});
