import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { protectCell } from '../../electron/core/export/csv.js';
import { SHEET_COLUMNS } from '../../electron/core/export/rows.js';
import { OUTCOME_FIELDS } from '../../shared/model/index.js';
import type { Core } from '../../electron/core/types.js';
import { base64, newReview } from './core-helpers.js';

const NEWS_A = 'IVIg study in The Lancet\nThe mean change in CDASI-A was −9.36 with IVIg and −1.16 with placebo.\nPublished in The Lancet.';
const NEWS_B = 'NEJM primary report\fAt week 16, 79% of IVIg patients responded versus 44% on placebo.\nPublished in NEJM 2022.';

const blankFields = Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, ''])) as Record<(typeof OUTCOME_FIELDS)[number], string>;

async function seed(core: Core) {
  const report = await core['articles.import']({
    files: [
      { fileName: 'a.txt', base64: base64(NEWS_A) },
      { fileName: 'b.fakepdf', base64: base64(NEWS_B) },
    ],
  });
  const [a, b] = report.results.map((r) => r.articleId!);
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  const outcome = await core['annotations.create']({
    ...(await at(a!, 'was −9.36 with IVIg')),
    body: { type: 'outcome', fields: { ...blankFields, outcome: 'CDASI-A change', arm: 'IVIg', value: '-9.36', ci_low: '-12.1', note: '=HYPERLINK("http://evil","click")', p_value: '@SUM(1)' } },
  });
  const outcomeB = await core['annotations.create']({
    ...(await at(b!, '79% of IVIg patients')),
    body: { type: 'outcome', fields: { ...blankFields, outcome: 'Responders', value: '79', unit: '%', n: '+5', note: 'line one\nline two, "quoted"' } },
    reviewer: 'ben',
  });
  const journalA = await core['annotations.create']({ ...(await at(a!, 'Published in The Lancet.')), body: { type: 'note', text: 'n' } });
  const journalB = await core['annotations.create']({ ...(await at(b!, 'Published in NEJM 2022.')), body: { type: 'note', text: 'n' } });
  const discrepancy = await core['annotations.create']({
    ...(await at(a!, 'The Lancet')),
    body: { type: 'discrepancy', kind: 'journal', note: 'Lancet vs NEJM', links: [journalA.id, journalB.id, 'deleted-annotation-id'] },
  });
  return { a: a!, b: b!, outcome, outcomeB, journalA, journalB, discrepancy };
}

describe('export', () => {
  it('CSV: BOM, RFC 4180, one row per outcome then discrepancies, values intact, formulas neutralised', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seed(core);
    const file = await core['export.run']({ format: 'csv' });
    expect(file.fileName).toMatch(/^proderm-review-extraction-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');

    const rows = parse(file.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    const header = (parse(file.content, { bom: true, to_line: 1 }) as string[][])[0];
    expect(header).toEqual([...SHEET_COLUMNS]);
    expect(header!.slice(0, 7)).toEqual(['type', 'article_id', 'title', 'journal', 'year', 'reviewer', 'annotation_id']);
    expect(rows.map((r) => [r.type, r.annotation_id])).toEqual([
      ['outcome', s.outcome.id],
      ['outcome', s.outcomeB.id],
      ['discrepancy', s.discrepancy.id],
    ]);

    const [first, second, disc] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(first).toMatchObject({
      article_id: s.a,
      title: 'IVIg study in The Lancet',
      reviewer: 'me',
      outcome: 'CDASI-A change',
      value: '-9.36', // a negative number is data, not a formula: unchanged
      ci_low: '-12.1',
      note: '\'=HYPERLINK("http://evil","click")',
      p_value: "'@SUM(1)",
      quote: 'was −9.36 with IVIg',
      page: '',
      anchor_status: 'exact',
      discrepancy_kind: '',
    });
    expect(second).toMatchObject({ article_id: s.b, reviewer: 'ben', value: '79', unit: '%', n: '+5', page: '2', note: 'line one\nline two, "quoted"' });
    expect(disc).toMatchObject({
      article_id: s.a,
      value: '',
      outcome: '',
      quote: 'The Lancet',
      discrepancy_kind: 'journal',
      discrepancy_note: 'Lancet vs NEJM',
      linked_quotes: `${s.a}: Published in The Lancet. | ${s.b}: Published in NEJM 2022. | deleted-annotation-id: (annotation no longer exists)`,
    });
  });

  it('JSON: articles, typed outcome rows, discrepancies with linked quotes, full annotations', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seed(core);
    const file = await core['export.run']({ format: 'json' });
    expect(file.fileName).toMatch(/\.json$/);
    expect(file.mimeType).toBe('application/json');
    const data = JSON.parse(file.content);
    expect(data).toMatchObject({ schemaVersion: 1, review: { name: 'ProDERM review' } });
    expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
    expect(data.articles.map((a: { id: string; title: string }) => [a.id, a.title])).toEqual([
      [s.a, 'IVIg study in The Lancet'],
      [s.b, 'NEJM primary report'],
    ]);
    expect(data.outcomes).toHaveLength(2);
    // No spreadsheet escaping in JSON; numbers stay numbers.
    expect(data.outcomes[0]).toMatchObject({ annotation_id: s.outcome.id, value: '-9.36', note: '=HYPERLINK("http://evil","click")', page: null, year: null });
    expect(data.outcomes[1]).toMatchObject({ annotation_id: s.outcomeB.id, page: 2 });
    expect(data.discrepancies).toEqual([
      {
        annotation: s.discrepancy.id,
        reviewer: 'me',
        kind: 'journal',
        note: 'Lancet vs NEJM',
        quote: 'The Lancet',
        article: { id: s.a, title: 'IVIg study in The Lancet' },
        links: [
          { annotationId: s.journalA.id, articleId: s.a, quote: 'Published in The Lancet.', title: 'IVIg study in The Lancet' },
          { annotationId: s.journalB.id, articleId: s.b, quote: 'Published in NEJM 2022.', title: 'NEJM primary report' },
          { annotationId: 'deleted-annotation-id', articleId: null, quote: null, title: null },
        ],
      },
    ]);
    expect(data.annotations).toHaveLength(5);
    expect(data.annotations[0]).toMatchObject({ id: s.outcome.id, target: { selector: expect.any(Array) }, anchor: { status: 'exact' } });
  });

  it('exports an empty review as a header-only CSV', async () => {
    const { core } = await newReview();
    const file = await core['export.run']({ format: 'csv' });
    expect(file.content).toBe(`\uFEFF${SHEET_COLUMNS.join(',')}\r\n`);
  });
});

describe('protectCell', () => {
  it('prefixes formula starters but leaves plain numbers alone', () => {
    for (const cell of ['=1+1', '+A1', '-A1', '@cmd', '\tx', '\rx', '-', '- 3', '-9.36 (95% CI)']) expect(protectCell(cell)).toBe(`'${cell}`);
    for (const cell of ['-9.36', '+5', '-1e-3', '-.5', '9.36', 'text', '', '−9.36']) expect(protectCell(cell)).toBe(cell);
  });
});
