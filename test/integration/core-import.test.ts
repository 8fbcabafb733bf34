import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Article, ReviewFile } from '../../shared/model/index.js';
import { base64, listTree, newReview, tempDir, testLog } from './core-helpers.js';

const ALPHA = 'Alpha trial report\nThe mean change in CDASI-A was −9.36 with IVIg.\n';
const BETA = '# Beta news piece\n\nResponders: 79% vs 44%.\n';

function sha(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function sourceFolder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('evidentia-src-');
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

describe('import', () => {
  it('imports files: blob by hash, article file, index row; id is the first 16 hex of sha256', async () => {
    const { dir, core } = await newReview();
    const report = await core['articles.import']({ files: [{ fileName: 'alpha.txt', base64: base64(ALPHA) }] });
    const id = sha(ALPHA).slice(0, 16);
    expect(report.results).toEqual([{ source: 'alpha.txt', record: null, status: 'imported', articleId: id, title: 'Alpha trial report', error: null, possibleDuplicates: [] }]);
    expect(await listTree(dir)).toEqual([
      '.evidentia.lock',
      'annotations/',
      'articles/',
      `articles/${id}.json`,
      'files/',
      `files/${sha(ALPHA)}.txt`,
      'review.json',
      'review.json.bak', // the index as it was before this import (see store/durable-file.ts)
    ]);
    expect(await readFile(path.join(dir, 'files', `${sha(ALPHA)}.txt`), 'utf8')).toBe(ALPHA);
    const article = Article.parse(JSON.parse(await readFile(path.join(dir, 'articles', `${id}.json`), 'utf8')));
    expect(article).toMatchObject({ schemaVersion: 2, id, kind: 'text', text: ALPHA, source: { fileName: 'alpha.txt', sha256: sha(ALPHA), ext: 'txt', storedAs: `files/${sha(ALPHA)}.txt` } });
    const review = ReviewFile.parse(JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8')));
    expect(review.articles).toEqual([expect.objectContaining({ id, sha256: sha(ALPHA), title: 'Alpha trial report', fileName: 'alpha.txt' })]);
    expect(await core['articles.get']({ id })).toEqual(article);
    expect(await core['articles.list']({})).toEqual([
      expect.objectContaining({ id, title: 'Alpha trial report', kind: 'text', annotationCount: 0, orphanCount: 0, pageCount: 0 }),
    ]);
  });

  it('walks folders recursively in sorted order, skipping hidden files and reporting unreadable ones', async () => {
    const src = await sourceFolder({
      'b.txt': 'B title\nb',
      'a.md': BETA,
      'sub/c.txt': 'C title\nc',
      'sub/.hidden.txt': 'hidden',
      '.secret/d.txt': 'secret',
      'notes.docx': 'reported, not silently skipped',
    });
    const { core } = await newReview();
    const progress: Array<[number, number, string]> = [];
    const results = await core.importPaths([src], { onProgress: (done, total, o) => progress.push([done, total, o.source]) });
    expect(results.map((r) => [path.relative(src, r.source), r.status, r.error?.code ?? null])).toEqual([
      ['a.md', 'imported', null],
      ['b.txt', 'imported', null],
      ['notes.docx', 'failed', 'unsupported-type'],
      [path.join('sub', 'c.txt'), 'imported', null],
    ]);
    expect(progress.map(([d, t]) => `${d}/${t}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect((await core['articles.list']({})).map((a) => a.title)).toEqual(['# Beta news piece', 'B title', 'C title']);
  });

  it('reports a second copy of the same bytes as a duplicate and writes nothing', async () => {
    const src = await sourceFolder({ 'alpha.txt': ALPHA, 'copy-of-alpha.txt': ALPHA });
    const { dir, core } = await newReview();
    const [first] = await core.importPaths([path.join(src, 'alpha.txt')]);
    const before = await listTree(dir);
    const reviewBefore = await readFile(path.join(dir, 'review.json'), 'utf8');
    const results = await core.importPaths([path.join(src, 'copy-of-alpha.txt')]);
    expect(results).toEqual([
      { source: path.join(src, 'copy-of-alpha.txt'), record: null, status: 'duplicate', articleId: first!.articleId, title: 'Alpha trial report', error: null, possibleDuplicates: [] },
    ]);
    expect(await listTree(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'review.json'), 'utf8')).toBe(reviewBefore);
    // The same via the UI channel, and within one batch.
    const ui = await core['articles.import']({
      files: [
        { fileName: 'x.txt', base64: base64('X title') },
        { fileName: 'x-again.txt', base64: base64('X title') },
        { fileName: 'alpha.txt', base64: base64(ALPHA) },
      ],
    });
    expect(ui.results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'duplicate']);
    expect(await core['articles.list']({})).toHaveLength(2);
  });

  it('goes on past failures, keeping the extractor’s codes and messages', async () => {
    const log = testLog();
    const { dir, core } = await newReview({ log: log.log });
    const report = await core['articles.import']({
      files: [
        { fileName: 'one.txt', base64: base64('One') },
        { fileName: 'secret.locked', base64: base64('Locked title') },
        { fileName: 'empty.txt', base64: '' },
        { fileName: 'bug.boom', base64: base64('x') },
        { fileName: 'slides.pptx', base64: base64('x') },
        { fileName: 'two.txt', base64: base64('Two') },
      ],
    });
    expect(report.results.map((r) => [r.source, r.status, r.error?.code ?? null])).toEqual([
      ['one.txt', 'imported', null],
      ['secret.locked', 'failed', 'needs-password'],
      ['empty.txt', 'failed', 'empty-file'],
      ['bug.boom', 'failed', 'internal'],
      ['slides.pptx', 'failed', 'unsupported-type'],
      ['two.txt', 'imported', null],
    ]);
    expect(report.results[1]!.error!.message).toBe('secret.locked needs a password.');
    expect(report.results[3]!.error!.message).toMatch(/bug\.boom could not be imported because of an unexpected error/);
    expect(log.messages.join('\n')).toMatch(/bug\.boom.*importer bug/);
    // Only the two good files were stored.
    expect((await listTree(path.join(dir, 'files'))).length).toBe(2);
    expect((await listTree(path.join(dir, 'articles'))).length).toBe(2);
  });

  it('passes the password to the extractor: wrong password, then right one', async () => {
    const { core } = await newReview();
    const file = { fileName: 'secret.locked', base64: base64('Locked title\ntext') };
    const wrong = await core['articles.import']({ files: [file], password: 'bar' });
    expect(wrong.results[0]!.error?.code).toBe('wrong-password');
    const right = await core['articles.import']({ files: [file], password: 'foo' });
    expect(right.results[0]).toMatchObject({ status: 'imported', title: 'Locked title' });
  });

  it('reports missing paths as failed and imports the rest', async () => {
    const src = await sourceFolder({ 'a.txt': 'A' });
    const { core } = await newReview();
    const results = await core.importPaths([path.join(src, 'nope.txt'), path.join(src, 'a.txt')]);
    expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      ['failed', 'not-found'],
      ['imported', null],
    ]);
  });

  it('a file that fails after its blob was written leaves nothing behind', async () => {
    const { dir, core } = await newReview();
    await core['articles.import']({ files: [{ fileName: 'keep.txt', base64: base64('Keep') }] });
    const before = await listTree(dir);
    const reviewBefore = await readFile(path.join(dir, 'review.json'), 'utf8');
    // .badmeta passes extraction but the Article schema refuses it when the article file is written.
    const report = await core['articles.import']({ files: [{ fileName: 'x.badmeta', base64: base64('Bad year') }] });
    expect(report.results[0]).toMatchObject({ status: 'failed', error: { code: 'internal' } });
    expect(await listTree(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'review.json'), 'utf8')).toBe(reviewBefore);
  });

  it('a failure at the commit point (review.json write) removes the blob and article file again', async () => {
    const { dir, core } = await newReview();
    await core['articles.import']({ files: [{ fileName: 'keep.txt', base64: base64('Keep') }] });
    const before = await listTree(dir);
    // lowdb writes review.json through ".review.json.tmp"; a folder there makes that write fail.
    await mkdir(path.join(dir, '.review.json.tmp'));
    const report = await core['articles.import']({ files: [{ fileName: 'new.txt', base64: base64('New article') }] });
    expect(report.results[0]).toMatchObject({ status: 'failed', error: { code: 'io-error' } });
    expect(report.results[0]!.error!.message).toMatch(/^Could not save .*review\.json: a folder is in the way \(EISDIR\)\. This change was not saved/);
    expect(await listTree(dir)).toEqual([...before, '.review.json.tmp/'].sort());
    // Memory agrees with disk: the article is not listed, and a later import works.
    expect((await core['articles.list']({})).map((a) => a.title)).toEqual(['Keep']);
    await (await import('node:fs/promises')).rmdir(path.join(dir, '.review.json.tmp'));
    const retry = await core['articles.import']({ files: [{ fileName: 'new.txt', base64: base64('New article') }] });
    expect(retry.results[0]!.status).toBe('imported');
  });

  it('stores PDF-like articles with their pages', async () => {
    const { core } = await newReview();
    const report = await core['articles.import']({ files: [{ fileName: 'paper.fakepdf', base64: base64('Title page\fResults page\fReferences') }] });
    const article = await core['articles.get']({ id: report.results[0]!.articleId! });
    expect(article.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect((await core['articles.list']({}))[0]!.pageCount).toBe(3);
  });

  it('deletes an article: file, annotations folder, index row and blob', async () => {
    const { dir, core } = await newReview();
    const before = await listTree(dir);
    const report = await core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('Alpha title') }] });
    const id = report.results[0]!.articleId!;
    await core['annotations.create']({ articleId: id, start: 0, end: 5, exact: 'Alpha', body: { type: 'note', text: 'n' } });
    expect(await core['articles.delete']({ id })).toEqual({ id });
    // Gone but the backup of review.json and the audit log, which is append-only: the history of
    // what was done to the article outlives it.
    const audit = ['audit/', `audit/${id}/`, `audit/${id}/me.ndjson`];
    expect(await listTree(dir)).toEqual([...before, ...audit, 'review.json.bak'].sort());
    expect(await core['articles.list']({})).toEqual([]);
    await expect(core['articles.get']({ id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core['articles.delete']({ id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core['annotations.list']({})).resolves.toEqual([]);
  });

  it('gives the stored original file for an article', async () => {
    const { dir, core } = await newReview();
    const report = await core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64(ALPHA) }] });
    const file = await core.fileForArticle(report.results[0]!.articleId!);
    expect(file).toEqual({ path: path.join(dir, 'files', `${sha(ALPHA)}.txt`), mimeType: 'text/plain; charset=utf-8', bytes: Buffer.byteLength(ALPHA) });
    await expect(core.fileForArticle('0123456789abcdef')).rejects.toMatchObject({ code: 'not-found' });
  });
});
