/**
 * Round trip: a review built here (fake extractor; outcome, discrepancy and note annotations by two
 * reviewers, study values, a second template, a merged duplicate with an attachment, a study group)
 * is exported as JSON and restored into a new review, which must then hold the same articles,
 * annotations (ids, bodies, selectors), study values, templates, files and links. Also: restoring
 * twice changes nothing, a restore merges into an article the review already has, and damaged or
 * foreign files are refused without leaving anything behind.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context.js';
import { isEvidentiaExport, restoreExport } from '../../electron/core/restore.js';
import { ReviewStore } from '../../electron/core/store/review-store.js';
import type { Core } from '../../electron/core/types.js';
import type { AnnotationBody, FieldValues } from '../../shared/model/index.js';
import { base64, fakeExtract, listTree, newReview, openTest } from './core-helpers.js';

const TEXT_A = 'IVIg trial in The Lancet\nThe mean change in CDASI-A was −9.36 (95% CI −12.52 to −6.19) with IVIg.\nPublished in The Lancet.';
const TEXT_B = 'NEJM primary report\fAt week 16, 79% of IVIg patients responded.\nPublished in NEJM 2022.';
const TEXT_C = '# Follow-up\n\nAt week 40, 71% kept their response.';
const TEXT_D = 'NEJM primary report (preprint)\nSame trial, earlier version.';

const outcome = (fields: FieldValues, template = { id: 'trial-outcomes', version: 1 }): AnnotationBody => ({ type: 'outcome', template, status: 'complete', tags: ['primary'], fields });

async function seed(core: Core) {
  const files = [
    { fileName: 'a.txt', base64: base64(TEXT_A) },
    { fileName: 'b.fakepdf', base64: base64(TEXT_B) },
    { fileName: 'c.md', base64: base64(TEXT_C) },
    { fileName: 'd.txt', base64: base64(TEXT_D) },
  ];
  const [a, b, c, d] = (await core['articles.import']({ files })).results.map((r) => r.articleId!) as [string, string, string, string];
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  await core['articles.update']({ id: a, changes: { authors: ['Werth VP'], year: 2022, doi: '10.1056/x', tags: ['include'] } });
  await core['annotations.create']({ ...(await at(a, '−9.36 (95% CI −12.52 to −6.19)')), body: outcome({ outcome: 'CDASI-A change', value: '−9.36', ci_low: '−12.52', ci_high: '−6.19' }) });
  await core['annotations.create']({ ...(await at(b, '79% of IVIg patients')), body: outcome({ outcome: 'Responders', value: '79' }), reviewer: 'ben' });
  const noteA = await core['annotations.create']({ ...(await at(a, 'Published in The Lancet.')), body: { type: 'note', text: 'journal' } });
  const noteB = await core['annotations.create']({ ...(await at(b, 'Published in NEJM 2022.')), body: { type: 'note', text: 'journal' }, reviewer: 'ben' });
  await core['annotations.create']({ ...(await at(a, 'The Lancet')), body: { type: 'discrepancy', kind: 'journal', note: 'Lancet or NEJM?', links: [noteA.id, noteB.id] } });
  await core['study.save']({ articleId: a, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95' } });
  await core['study.save']({ articleId: b, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT' }, reviewer: 'ben' });

  const copy = await core['templates.create']({ name: 'Safety', copyOf: 'trial-outcomes' });
  await core['annotations.create']({ ...(await at(c, '71% kept their response')), body: outcome({ outcome: 'Sustained response', value: '71' }, { id: copy.id, version: copy.version }) });
  await core['study.save']({ articleId: c, templateId: copy.id, fields: { funding: 'Octapharma' } });

  await core['duplicates.resolve']({ a: b, b: d, action: 'merge', keep: b }); // b gets d's file as an attachment
  await core['duplicates.resolve']({ a, b, action: 'same-study' });
  await core['duplicates.resolve']({ a, b: c, action: 'not-duplicate' });
  return { a, b, c };
}

/** Restore into the review folder `dir` (its core closed), then open it for reading. */
async function restoreInto(dir: string, text: string) {
  const store = await ReviewStore.open(dir);
  const messages: string[] = [];
  const ctx: CoreContext = { store, log: (m) => messages.push(m), defaultReviewer: 'me', extract: fakeExtract, assertWritable() {} };
  const results = await restoreExport(ctx, text, 'export.json');
  return { results, messages };
}

async function emptyReview(): Promise<string> {
  const { dir, core } = await newReview({ name: 'Restored' });
  await core.close();
  return dir;
}

async function snapshot(core: Core) {
  const articles = await core['articles.list']({});
  const full = await Promise.all(articles.map((a) => core['articles.get']({ id: a.id })));
  const annotations = (await core['annotations.list']({})).map((a) => ({ ...a })).sort((x, y) => (x.id < y.id ? -1 : 1));
  const study = await Promise.all(articles.map((a) => core['study.get']({ articleId: a.id })));
  const templates = await core['templates.list']({});
  const sheets = await Promise.all(templates.map((t) => core['sheet.query']({ templateId: t.id, filter: {}, sort: [], groupBy: 'none', collapsed: [], offset: 0, limit: 200 })));
  return { articles: full, annotations, study, templates, sheets: sheets.map((s) => s.rows), studies: await core['studies.list']({}) };
}

describe('restore from a JSON export', () => {
  it('gives back articles, annotations, study values, templates, files and links', async () => {
    const source = await newReview({ name: 'Source' });
    const s = await seed(source.core);
    const exported = await source.core['export.run']({ format: 'json' });
    expect(exported.fileName).toMatch(/\.json$/);
    expect(isEvidentiaExport(exported.content)).toBe(true);

    const dir = await emptyReview();
    const { results, messages } = await restoreInto(dir, exported.content);
    expect(messages).toEqual([]);
    expect(results.map((r) => [r.articleId, r.status, r.error])).toEqual([
      [s.a, 'imported', null],
      [s.b, 'imported', null],
      [s.c, 'imported', null],
    ]);
    const restored = await openTest(dir);
    const before = await snapshot(source.core);
    const after = await snapshot(restored);
    expect(after.articles).toEqual(before.articles);
    expect(after.articles[1]!.attachments).toHaveLength(1);
    expect(after.annotations).toEqual(before.annotations); // same ids, bodies, selectors, times, anchors
    expect(after.annotations).toHaveLength(6);
    expect(after.study).toEqual(before.study);
    expect(after.templates).toEqual(before.templates);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.studies).toEqual(before.studies);
    expect((await restored['review.info']({})).reviewers.map((r) => r.id).sort()).toEqual(['ben', 'me']);
    expect((await listTree(path.join(dir, 'files'))).sort()).toEqual((await listTree(path.join(source.dir, 'files'))).sort());
    const original = await source.core.fileForArticle(s.b);
    const copy = await restored.fileForArticle(s.b);
    expect(copy.bytes).toBe(original.bytes);
  });

  it('keeps split pairs and rejected suggestions, and restores an export written before study groups had a status', async () => {
    const source = await newReview({ name: 'Source' });
    const s = await seed(source.core);
    const [group] = await source.core['studies.list']({});
    await source.core['studies.update']({ action: 'create', articleIds: [s.a, s.c] }); // joins the a+b group
    await source.core['studies.update']({ action: 'split', groupId: group!.id, articleId: s.c });
    const [e] = (await source.core['articles.import']({ files: [{ fileName: 'e.txt', base64: base64('Responders\nAt week 12, 45% of patients responded versus 30% with placebo.') }] })).results;
    const suggestion = (await source.core['suggestions.list']({ articleId: e!.articleId! }))[0]!;
    await source.core['suggestions.reject']({ articleId: e!.articleId!, key: suggestion.key });
    const exported = JSON.parse((await source.core['export.run']({ format: 'json' })).content) as { review: Record<string, unknown> };
    expect(exported.review).toMatchObject({ notSameStudy: [[s.a, s.c].sort(), [s.b, s.c].sort()], rejectedSuggestions: [expect.objectContaining({ key: suggestion.key })] });

    const current = await emptyReview();
    await restoreInto(current, JSON.stringify(exported));
    const restored = await openTest(current);
    const left = (await restored['suggestions.list']({ articleId: e!.articleId! })).map((x) => x.key);
    expect(left.length).toBeGreaterThan(0);
    expect(left).not.toContain(suggestion.key);
    const report = await restored['checks.run']({ store: false });
    expect(report.studies.every((g) => !(g.articleIds.includes(s.c) && g.articleIds.includes(s.a)))).toBe(true);

    // What the schema-2 build wrote: groups without status or evidence, no split pairs or rejections.
    const older = structuredClone(exported);
    delete older.review.notSameStudy;
    delete older.review.rejectedSuggestions;
    older.review.studies = (older.review.studies as Array<Record<string, unknown>>).map(({ status: _s, evidence: _e, ...rest }) => rest);
    const dir = await emptyReview();
    const { messages } = await restoreInto(dir, JSON.stringify(older));
    expect(messages).toEqual([]);
    const fromOld = await openTest(dir);
    expect(await fromOld['studies.list']({})).toEqual([expect.objectContaining({ id: group!.id, status: 'confirmed', evidence: ['linked by a person'] })]);
  });

  it('restoring the same export again changes nothing', async () => {
    const source = await newReview({ name: 'Source' });
    await seed(source.core);
    const { content } = await source.core['export.run']({ format: 'json' });
    const dir = await emptyReview();
    await restoreInto(dir, content);
    const tree = await listTree(dir);
    const readReview = async () => JSON.parse(await readFile(path.join(dir, 'review.json'), 'utf8'));
    const review = await readReview();
    const again = await restoreInto(dir, content);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await listTree(dir)).toEqual(tree);
    expect(await readReview()).toEqual(review);
    const restored = await openTest(dir);
    expect(await restored['annotations.list']({})).toHaveLength(6);
  });

  it('adds the annotations an existing article lacks, keeping its own', async () => {
    const source = await newReview({ name: 'Source' });
    const s = await seed(source.core);
    const { content } = await source.core['export.run']({ format: 'json' });

    const target = await newReview({ name: 'Target' });
    await target.core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64(TEXT_A) }] });
    const own = await target.core['annotations.create']({ articleId: s.a, start: 0, end: 4, exact: 'IVIg', body: { type: 'note', text: 'mine' }, reviewer: 'zoe' });
    await target.core.close();
    const { results } = await restoreInto(target.dir, content);
    expect(results.map((r) => [r.articleId, r.status])).toEqual([
      [s.a, 'duplicate'],
      [s.b, 'imported'],
      [s.c, 'imported'],
    ]);
    const restored = await openTest(target.dir);
    const onA = await restored['annotations.list']({ articleId: s.a });
    expect(onA.map((a) => a.id)).toContain(own.id);
    expect(onA).toHaveLength(4); // zoe's note + the export's outcome, note and discrepancy
    expect(await restored['study.get']({ articleId: s.a })).toEqual(await source.core['study.get']({ articleId: s.a }));
  });

  it('a damaged file fails its article only, leaving nothing of it behind', async () => {
    const source = await newReview({ name: 'Source' });
    const s = await seed(source.core);
    const data = JSON.parse((await source.core['export.run']({ format: 'json' })).content);
    const cSha = data.articles[2].source.sha256 as string;
    data.files[cSha].base64 = base64('not the original bytes');
    const dir = await emptyReview();
    const treeBefore = await listTree(dir);
    const { results } = await restoreInto(dir, JSON.stringify(data));
    expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      ['imported', null],
      ['imported', null],
      ['failed', 'corrupt-file'],
    ]);
    expect(results[2]!.error!.message).toContain('checksum');
    const tree = await listTree(dir);
    expect(tree.filter((f) => f.includes(s.c) || f.includes(cSha))).toEqual([]);
    expect(tree.length).toBeGreaterThan(treeBefore.length);
    const restored = await openTest(dir);
    expect((await restored['articles.list']({})).map((a) => a.id)).toEqual([s.a, s.b]);
    // The study group of a and b survives; the not-duplicate pair with the missing c does not.
    expect(await restored['studies.list']({})).toHaveLength(1);
  });

  it('refuses other versions, damaged exports and other JSON with a clear message', async () => {
    const dir = await emptyReview();
    const treeBefore = await listTree(dir);
    const v1 = JSON.stringify({ format: 'evidentia-export', version: 1, articles: [] });
    await expect(restoreInto(dir, v1)).rejects.toMatchObject({ code: 'bad-input', message: expect.stringContaining('version 1') });
    await expect(restoreInto(dir, '{"format":"evidentia-export",')).rejects.toMatchObject({ code: 'corrupt-file', message: expect.stringContaining('not valid JSON') });
    const damaged = JSON.stringify({ format: 'evidentia-export', version: 2, exported: 'yesterday', review: {}, articles: [], annotations: [], study: [], files: {} });
    await expect(restoreInto(dir, damaged)).rejects.toMatchObject({ code: 'corrupt-file', message: expect.stringContaining('damaged Evidentia export') });
    expect(await listTree(dir)).toEqual(treeBefore);

    expect(isEvidentiaExport(v1)).toBe(true);
    expect(isEvidentiaExport('{ "version": 2, "format": "evidentia-export" }')).toBe(true);
    expect(isEvidentiaExport('[{"format":"evidentia-export"}]')).toBe(false);
    expect(isEvidentiaExport('{"title": "a CSL-JSON record"}')).toBe(false);
    expect(isEvidentiaExport('not json "evidentia-export"')).toBe(false);
  });
});
