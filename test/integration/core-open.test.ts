import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewExists } from '../../electron/core/index.js';
import { REVIEW_SCHEMA_VERSION, ReviewFile } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { isFile, listTree, newReview, openTest, tempDir } from './core-helpers.js';

async function rejection(promise: Promise<unknown>): Promise<EvidentiaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EvidentiaError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('opening and creating reviews', () => {
  it('creates a review folder with review.json, its sub-folders and a lock', async () => {
    const { dir, core } = await newReview({ name: 'ProDERM check' });
    expect(await listTree(dir)).toEqual(['.evidentia.lock', 'annotations/', 'articles/', 'files/', 'review.json']);
    const review = ReviewFile.parse(JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8')));
    expect(review).toMatchObject({ schemaVersion: REVIEW_SCHEMA_VERSION, name: 'ProDERM check', reviewers: [], articles: [], studies: [], notSameStudy: [], rejectedSuggestions: [] });
    const info = await core['review.info']({});
    expect(info).toMatchObject({ name: 'ProDERM check', dir, schemaVersion: REVIEW_SCHEMA_VERSION, readOnly: false, defaultReviewer: 'me', articleCount: 0 });
    expect(await reviewExists(dir)).toBe(true);
  });

  it('names a new review after its folder when no name is given', async () => {
    const dir = path.join(await tempDir(), 'my-trials');
    const core = await openTest(dir, { create: true });
    expect((await core['review.info']({})).name).toBe('my-trials');
  });

  it('reopens an existing review with its data', async () => {
    const { dir, core } = await newReview();
    await core['articles.import']({ files: [{ fileName: 'a.txt', base64: Buffer.from('Title A\nbody').toString('base64') }] });
    await core.close();
    const again = await openTest(dir);
    expect((await again['articles.list']({})).map((a) => a.title)).toEqual(['Title A']);
    expect((await again['review.info']({})).readOnly).toBe(false);
  });

  it('refuses a folder that is not a review unless asked to create one, and writes nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const error = await rejection(openTest(dir));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(/not an Evidentia review/);
    expect(await listTree(dir)).toEqual(['notes.txt']);
    expect(await reviewExists(dir)).toBe(false);
    // read-only never creates either
    expect((await rejection(openTest(dir, { create: true, readOnly: true }))).code).toBe('not-found');
    expect(await listTree(dir)).toEqual(['notes.txt']);
  });

  it('refuses an invalid default reviewer id', async () => {
    const dir = path.join(await tempDir(), 'r');
    const error = await rejection(openTest(dir, { create: true, defaultReviewer: '../evil' }));
    expect(error.code).toBe('bad-input');
    expect(await isFile(path.join(dir, 'review.json'))).toBe(false);
  });

  it('names the file when review.json is not valid JSON, and releases the lock', async () => {
    const { dir, core } = await newReview();
    await core.close();
    await writeFile(path.join(dir, 'review.json'), '{"schemaVersion": 1, "name": ');
    const error = await rejection(openTest(dir));
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toContain(path.join(dir, 'review.json'));
    expect(error.message).toMatch(/not valid JSON/);
    expect(await isFile(path.join(dir, '.evidentia.lock'))).toBe(false);
  });

  it('names the file and the field when review.json fails its schema', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const file = path.join(dir, 'review.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.articles = [{ id: 'nope' }];
    await writeFile(file, JSON.stringify(data));
    const error = await rejection(openTest(dir));
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/articles\.0\./);
  });

  it('refuses a review written by a newer Evidentia and leaves the file byte for byte', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const file = path.join(dir, 'review.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.schemaVersion = REVIEW_SCHEMA_VERSION + 1;
    data.somethingNew = { keep: true };
    const before = JSON.stringify(data);
    await writeFile(file, before);
    const error = await rejection(openTest(dir));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/newer version of Evidentia/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('opens read-only on request: no lock taken, every write refused', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const ro = await openTest(dir, { readOnly: true });
    expect(await isFile(path.join(dir, '.evidentia.lock'))).toBe(false);
    expect((await ro['review.info']({})).readOnly).toBe(true);
    const error = await rejection(ro['articles.import']({ files: [{ fileName: 'a.txt', base64: 'eA==' }] }));
    expect(error.code).toBe('read-only');
    expect(await listTree(path.join(dir, 'articles'))).toEqual([]);
  });

  it('creates a review inside an existing empty folder', async () => {
    const dir = path.join(await tempDir(), 'empty');
    await mkdir(dir);
    const core = await openTest(dir, { create: true, name: 'Here' });
    expect((await core['review.info']({})).name).toBe('Here');
  });

  it('validates input on direct calls, as dispatch does', async () => {
    const { core } = await newReview();
    const error = await rejection(core['articles.get']({ id: '../../etc/passwd' } as never));
    expect(error.code).toBe('bad-input');
  });
});
