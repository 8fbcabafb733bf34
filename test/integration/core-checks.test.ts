/**
 * Evidence checks through the core with the real finders and rules: outcome suggestions accepted
 * and rejected, check runs storing suggested discrepancies and study groups, decisions on the
 * board, study group changes, and a pair of agreeing articles that yields nothing.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/types.js';
import { base64, newReview, openTest, tempDir } from './core-helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const texts = path.join(here, '../fixtures/texts');

async function importTexts(core: Core, ...names: string[]): Promise<string[]> {
  const files = await Promise.all(names.map(async (fileName) => ({ fileName, base64: base64(await readFile(path.join(texts, fileName), 'utf8')) })));
  const { results } = await core['articles.import']({ files });
  return results.map((r) => r.articleId!);
}

describe('outcome suggestions', () => {
  it('are accepted into an outcome record, rejected for good, and hidden once tagged', async () => {
    const { dir, core } = await newReview();
    const [id] = await importTexts(core, 'acme-roe-2023.txt');
    const suggestions = await core['suggestions.list']({ articleId: id! });
    const estimate = suggestions.find((s) => s.quote.exact.startsWith('-8.2'));
    expect(estimate).toMatchObject({ shape: 'estimate-ci', value: -8.2, ciLow: -10.1, ciHigh: -6.3 });

    const record = await core['suggestions.accept']({ articleId: id!, key: estimate!.key });
    expect(record.body).toMatchObject({ type: 'outcome', fields: { value: '-8.2', ci_low: '-10.1', ci_high: '-6.3' } });
    expect(record.anchor).toMatchObject({ status: 'exact', start: estimate!.quote.start, end: estimate!.quote.end });
    const sheet = await core['sheet.query']({});
    expect(sheet.rows.some((r) => r.kind === 'record' && r.annotationId === record.id)).toBe(true);

    const other = suggestions.find((s) => s.key !== estimate!.key && s.quote.end <= estimate!.quote.start)!;
    expect(other).toBeDefined();
    await core['suggestions.reject']({ articleId: id!, key: other.key });
    const after = (await core['suggestions.list']({ articleId: id! })).map((s) => s.key);
    expect(after).not.toContain(estimate!.key); // tagged now
    expect(after).not.toContain(other.key); // rejected
    await expect(core['suggestions.accept']({ articleId: id!, key: other.key })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core['suggestions.reject']({ articleId: id!, key: 'count:1:2' })).rejects.toMatchObject({ code: 'not-found' });

    await core.close();
    const again = await openTest(dir);
    expect((await again['suggestions.list']({ articleId: id! })).map((s) => s.key)).not.toContain(other.key);
  });
});

describe('check runs and the board', () => {
  it('flag the journal named against its own reference, and journal, year and lead author across the study', async () => {
    const { core } = await newReview();
    const [roe, doe] = await importTexts(core, 'acme-roe-2023.txt', 'acme-doe-2022.txt');
    const report = await core['checks.run']({});
    expect(report.articles).toBe(2);
    expect(report.studies).toEqual([expect.objectContaining({ articleIds: expect.arrayContaining([roe, doe]), status: 'suggested' })]);
    const kinds = report.discrepancies.map((d) => d.kind).sort();
    expect(kinds).toEqual(['journal', 'journal-vs-reference', 'lead-author', 'year']);
    const within = report.discrepancies.find((d) => d.kind === 'journal-vs-reference')!;
    expect(within.quotes.map((q) => [q.articleId, q.exact])).toEqual([
      [roe, expect.stringContaining('The Lancet')],
      [roe, expect.stringContaining('EClinicalMedicine')],
    ]);
    for (const kind of ['journal', 'year', 'lead-author']) {
      const across = report.discrepancies.find((d) => d.kind === kind)!;
      expect(new Set(across.quotes.map((q) => q.articleId))).toEqual(new Set([roe, doe]));
      expect(across.explanation.length).toBeGreaterThan(20);
    }
    expect(report.stored).toEqual({ added: 4, known: 0 });

    // The board: one item per suggestion, both quotes each, in the study group.
    const board = await core['discrepancies.list']({});
    expect(board).toHaveLength(4);
    expect(board.every((i) => i.status === 'suggested' && i.reviewer === 'evidentia' && i.studyGroupId === report.studies[0]!.id)).toBe(true);
    const journal = board.find((i) => i.kind === 'journal')!;
    expect(journal.quotes.map((q) => q.articleId).sort()).toEqual([roe, doe].sort());

    // Decisions apply to every linked annotation; a dismissal needs a reason and is remembered.
    await expect(core['discrepancies.review']({ id: journal.id, action: 'dismiss' })).rejects.toMatchObject({ code: 'bad-input' });
    const dismissed = await core['discrepancies.review']({ id: journal.quotes[1]!.annotationId, action: 'dismiss', reason: 'Different papers of one trial' });
    expect(dismissed).toMatchObject({ id: journal.id, status: 'dismissed', reason: 'Different papers of one trial' });
    const edited = await core['discrepancies.review']({ id: board.find((i) => i.kind === 'year')!.id, action: 'edit', severity: 'low', note: 'Checked: 2022 main report, 2023 post-hoc.' });
    expect(edited).toMatchObject({ severity: 'low', note: 'Checked: 2022 main report, 2023 post-hoc.', status: 'suggested' });
    const annotations = (await core['annotations.list']({})).filter((a) => edited.annotationIds.includes(a.id));
    expect(annotations.map((a) => a.body.type === 'discrepancy' && a.body.severity)).toEqual(['low', 'low']);
    await core['discrepancies.review']({ id: edited.id, action: 'confirm' });

    const rerun = await core['checks.run']({});
    expect(rerun.stored).toEqual({ added: 0, known: 4 });
    const statuses = (await core['discrepancies.list']({})).map((i) => `${i.kind}:${i.status}`).sort();
    expect(statuses).toEqual(['journal-vs-reference:suggested', 'journal:dismissed', 'lead-author:suggested', 'year:confirmed']);
  });

  it('a pair of articles that agree yields no discrepancy', async () => {
    const { core } = await newReview();
    const [a, b] = await importTexts(core, 'beta-smith-a.txt', 'beta-smith-b.txt');
    const report = await core['checks.run']({});
    expect(report.studies.map((s) => [...s.articleIds].sort())).toEqual([[a, b].sort()]);
    expect(report.discrepancies).toEqual([]);
    expect(report.outcomes.length).toBeGreaterThan(0);
    expect(await core['discrepancies.list']({})).toEqual([]);
  });

  it('a manual discrepancy is on the same board, confirmed', async () => {
    const { core } = await newReview();
    const [id] = await importTexts(core, 'acme-roe-2023.txt');
    const text = (await core['articles.get']({ id: id! })).text;
    const exact = 'published in The Lancet';
    const start = text.indexOf(exact);
    const tagged = await core['annotations.create']({ articleId: id!, start, end: start + exact.length, exact, body: { type: 'discrepancy', kind: 'journal', note: 'Lancet?' } });
    expect(await core['discrepancies.list']({})).toEqual([
      expect.objectContaining({ id: tagged.id, status: 'confirmed', severity: 'medium', reviewer: 'me', quotes: [expect.objectContaining({ exact })] }),
    ]);
  });

  it('study groups: a split article is never grouped again; join and create confirm', async () => {
    const { core } = await newReview();
    const [roe, doe, smithA, smithB] = await importTexts(core, 'acme-roe-2023.txt', 'acme-doe-2022.txt', 'beta-smith-a.txt', 'beta-smith-b.txt');
    await core['checks.run']({});
    const groups = await core['studies.list']({});
    expect(groups).toHaveLength(2);
    const acme = groups.find((g) => g.articleIds.includes(roe!))!;
    const beta = groups.find((g) => g.articleIds.includes(smithA!))!;
    expect((await core['studies.update']({ action: 'confirm', groupId: beta.id })).find((g) => g.id === beta.id)!.status).toBe('confirmed');

    expect(await core['studies.update']({ action: 'split', groupId: acme.id, articleId: doe! })).toEqual([expect.objectContaining({ id: beta.id })]);
    const rerun = await core['checks.run']({});
    expect(rerun.studies.map((s) => s.id)).toEqual([beta.id]);
    // Without a group, the cross-article rules have nothing to compare, and the board names no study.
    expect(rerun.discrepancies.map((d) => d.kind)).toEqual(['journal-vs-reference']);
    const acmeItems = (await core['discrepancies.list']({})).filter((i) => i.quotes.some((q) => q.articleId === roe));
    expect(acmeItems.length).toBeGreaterThan(0);
    expect(acmeItems.every((i) => i.studyGroupId === null && i.studyLabel === null)).toBe(true);

    const created = await core['studies.update']({ action: 'create', articleIds: [roe!, doe!], label: 'ACME-7' });
    const made = created.find((g) => g.label === 'ACME-7')!;
    expect(made).toMatchObject({ status: 'confirmed', articleIds: [roe, doe] });
    const joined = await core['studies.update']({ action: 'join', groupId: made.id, otherGroupId: beta.id });
    expect(joined).toEqual([expect.objectContaining({ id: made.id, articleIds: [roe, doe, smithA, smithB], status: 'confirmed' })]);
    await expect(core['studies.update']({ action: 'confirm', groupId: beta.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core['studies.update']({ action: 'split', groupId: made.id, articleId: 'ffffffffffffffff' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deleting an article takes it out of its study group (a group of one is no group)', async () => {
    const { core } = await newReview();
    const [, doe, smithA, smithB] = await importTexts(core, 'acme-roe-2023.txt', 'acme-doe-2022.txt', 'beta-smith-a.txt', 'beta-smith-b.txt');
    await core['checks.run']({});
    const beta = (await core['studies.list']({})).find((g) => g.articleIds.includes(smithA!))!;
    await core['studies.update']({ action: 'split', groupId: beta.id, articleId: smithB! });
    await core['articles.delete']({ id: doe! });
    await core['articles.delete']({ id: smithB! });
    expect(await core['studies.list']({})).toEqual([]);
    // The split pair went with the article: re-importing it and checking groups it again.
    await importTexts(core, 'beta-smith-b.txt');
    expect((await core['checks.run']({})).studies.map((s) => s.articleIds.length)).toEqual([2]);
  });

  it('a read-only review is checked but nothing is stored', async () => {
    const { dir, core } = await newReview();
    await importTexts(core, 'acme-roe-2023.txt', 'acme-doe-2022.txt');
    const reader = await openTest(dir, { readOnly: true });
    const report = await reader['checks.run']({});
    expect(report.discrepancies.length).toBeGreaterThan(0);
    expect(report.stored).toEqual({ added: 0, known: 0 });
    expect(await core['discrepancies.list']({})).toEqual([]);
    expect(await core['studies.list']({})).toEqual([]);
  });
});

describe('a review written by the schema-2 build', () => {
  it('opens with its person-made study group confirmed', async () => {
    const dir = path.join(await tempDir(), 'review');
    await cp(path.join(here, '../fixtures/migrations/v2-review'), dir, { recursive: true });
    const core = await openTest(dir);
    expect(await core['studies.list']({})).toEqual([expect.objectContaining({ status: 'confirmed', evidence: ['linked by a person'] })]);
    expect((await core['review.info']({})).schemaVersion).toBe(3);
    expect(await core['discrepancies.list']({})).toEqual([expect.objectContaining({ kind: 'journal', status: 'confirmed', note: 'Which journal?' })]);
  });
});
