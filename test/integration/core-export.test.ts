/**
 * export.run in every format against a review built here with the fake extractor: two articles,
 * outcome records (one "<0.001", one with a formula-like note), study values, a discrepancy linking
 * two notes, and a second template with yes/no and multiple-choice fields. Each format is read back
 * with a real parser (csv-parse, exceljs, JSON).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { protectCell } from '../../electron/core/export/csv.js';
import type { Core } from '../../electron/core/types.js';
import type { AnnotationBody, FieldValues } from '../../shared/model/index.js';
import { base64, newReview } from './core-helpers.js';

const NEWS_A = 'IVIg study in The Lancet\nThe mean change in CDASI-A was −9.36 with IVIg and −1.16 with placebo (p<0.001).\nPublished in The Lancet.';
const NEWS_B = 'NEJM primary report\fAt week 16, 79% of IVIg patients responded versus 44% on placebo.\nDeaths: HR 0.8. Relapse p<0.001.\nPublished in NEJM 2022.';

const outcome = (fields: FieldValues, extra: Partial<Extract<AnnotationBody, { type: 'outcome' }>> = {}): AnnotationBody => ({
  type: 'outcome',
  template: { id: 'trial-outcomes', version: 1 },
  status: 'in-progress',
  tags: [],
  fields,
  ...extra,
});

async function seedExportReview(core: Core) {
  const report = await core['articles.import']({
    files: [
      { fileName: 'a.txt', base64: base64(NEWS_A) },
      { fileName: 'b.fakepdf', base64: base64(NEWS_B) },
    ],
  });
  const [a, b] = report.results.map((r) => r.articleId!) as [string, string];
  // Rows are in creation order, ties broken by (random) id: keep creation times apart.
  const create = async (input: Parameters<Core['annotations.create']>[0]) => {
    const created = await core['annotations.create'](input);
    await new Promise((resolve) => setTimeout(resolve, 3));
    return created;
  };
  await core['articles.update']({
    id: a,
    changes: { authors: ['Werth VP', 'Aggarwal R', 'Charles-Schoeman C'], year: 2022, journal: 'NEJM', doi: '10.1056/NEJMoa2117912', tags: ['include'] },
  });
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`no "${quote}" in ${articleId}`);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  const ivig = await create({
    ...(await at(a, 'was −9.36 with IVIg')),
    body: outcome(
      { outcome: 'CDASI-A change', arm: 'IVIg', timepoint: 'week 16', measure: 'MD', value: '−9.36', ci_low: '-12.52', ci_high: '-6.19', p_value: '<0.001', n: '47', note: '=HYPERLINK("http://evil","click")' },
      { status: 'complete', tags: ['primary'] },
    ),
  });
  const placebo = await create({
    ...(await at(a, '−1.16 with placebo')),
    body: outcome({ outcome: 'CDASI-A change', arm: 'Placebo', timepoint: 'week 16', value: '-1.16', sd: '3.1', n: '48' }),
  });
  const responders = await create({
    ...(await at(b, '79% of IVIg patients')),
    body: outcome({ outcome: 'Responders', arm: 'IVIg', timepoint: 'week 16', value: '79', unit: '%', events: '37', n: '47', note: 'line one\nline two, "quoted"' }),
    reviewer: 'ben',
  });
  const deaths = await create({
    ...(await at(b, 'HR 0.8')),
    body: outcome({ outcome: 'Mortality', measure: 'HR', value: '0.8', ci_low: '0.5', ci_high: '1.28' }),
    reviewer: 'ben',
  });
  const relapse = await create({ ...(await at(b, 'Relapse p<0.001')), body: outcome({ outcome: 'Relapse', value: '<0.001' }), reviewer: 'ben' });
  const journalA = await create({ ...(await at(a, 'Published in The Lancet.')), body: { type: 'note', text: 'journal named here' } });
  const journalB = await create({ ...(await at(b, 'Published in NEJM 2022.')), body: { type: 'note', text: 'and here' } });
  const discrepancy = await create({
    ...(await at(a, 'The Lancet')),
    body: { type: 'discrepancy', kind: 'journal', note: 'Lancet vs NEJM', links: [journalA.id, journalB.id, 'deleted-annotation-id'] },
  });
  await core['study.save']({ articleId: a, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95', population: '=cmd adults' } });
  await core['study.save']({ articleId: b, templateId: 'trial-outcomes', fields: { design: 'Cohort' } });

  // A second template with typed study fields, and one record under it.
  const blank = await core['templates.create']({ name: 'Safety' });
  const safety = await core['templates.save']({
    template: {
      id: blank.id,
      name: 'Safety',
      sections: [
        {
          key: 'setting',
          title: 'Setting',
          level: 'study',
          fields: [
            { key: 'blinded', label: 'Blinded', kind: 'yesno', help: '', required: false, options: [], retired: false },
            { key: 'countries', label: 'Countries', kind: 'multiple', help: '', required: false, options: ['US', 'DE', 'FR'], retired: false },
          ],
        },
        {
          key: 'outcomes',
          title: 'Adverse events',
          level: 'outcome',
          fields: [
            { key: 'outcome', label: 'Outcome', kind: 'text', help: '', required: true, options: [], retired: false },
            { key: 'events', label: 'Events', kind: 'number', help: '', required: false, options: [], retired: false },
          ],
        },
      ],
    },
  });
  await core['study.save']({ articleId: a, templateId: safety.id, fields: { blinded: true, countries: ['US', 'DE'] } });
  const adverse = await create({
    ...(await at(a, 'placebo (p<0.001)')),
    body: outcome({ outcome: 'Infusion reactions', events: '12' }, { template: { id: safety.id, version: safety.version } }),
  });
  return { a, b, ivig, placebo, responders, deaths, relapse, journalA, journalB, discrepancy, safety, adverse };
}

interface LdItem {
  id: string;
  motivation: string;
  body: unknown[];
  target: { source: string; selector: unknown[] };
}

/** A worksheet as objects keyed by its header row. */
function table(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return out;
}

async function workbook(content: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(content, 'base64')).buffer);
  return wb;
}

describe('export: CSV', () => {
  it('is the sheet: BOM, RFC 4180, label headers, values as typed, formulas neutralised, study-only rows', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seedExportReview(core);
    const file = await core['export.run']({ format: 'csv' });
    expect(file).toMatchObject({ mimeType: 'text/csv; charset=utf-8', encoding: 'utf8' });
    expect(file.fileName).toMatch(/^proderm-review-extraction-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');

    const header = (parse(file.content, { bom: true, to_line: 1 }) as string[][])[0]!;
    expect(header.slice(0, 10)).toEqual(['Article ID', 'Annotation ID', 'Article', 'Title', 'Journal', 'Year', 'DOI', 'Reviewer', 'Status', 'Outcome']); // outcome fields first, then the study fields
    expect(header).toEqual(expect.arrayContaining(['Sample size', 'Outcome', 'Value', 'CI low', 'p value', 'SD', 'Events']));
    expect(header.slice(-3)).toEqual(['Quote', 'Page', 'Tags']);

    const rows = parse(file.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['Annotation ID'])).toEqual([s.ivig.id, s.placebo.id, s.responders.id, s.deaths.id, s.relapse.id, '']);
    expect(rows[0]).toMatchObject({
      'Article ID': s.a,
      Article: 'Werth et al. 2022',
      Title: 'IVIg study in The Lancet',
      Journal: 'NEJM',
      Year: '2022',
      DOI: '10.1056/NEJMoa2117912',
      Reviewer: 'me',
      Status: 'complete',
      Design: 'Parallel RCT',
      Population: "'=cmd adults",
      'Sample size': '95',
      Outcome: 'CDASI-A change',
      Value: '−9.36', // as typed: CSV has no types
      'CI low': '-12.52', // a negative number is data, not a formula: unchanged
      'p value': '<0.001',
      Note: '\'=HYPERLINK("http://evil","click")',
      Quote: 'was −9.36 with IVIg',
      Page: '',
      Tags: 'primary; include',
    });
    // Article b: ben's records carry no study values; "me" has study values but no record there.
    expect(rows[5]).toMatchObject({ 'Article ID': s.b, Reviewer: 'me', Status: '', Design: 'Cohort', Outcome: '' });
    expect(rows[2]).toMatchObject({ Reviewer: 'ben', Value: '79', Unit: '%', Page: '2', Note: 'line one\nline two, "quoted"', Design: '' });
  });

  it('exports another template by id, and an empty review as a header-only CSV', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seedExportReview(core);
    const file = await core['export.run']({ format: 'csv', templateId: s.safety.id });
    expect(file.fileName).toMatch(/^proderm-review-extraction-safety-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(file.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([expect.objectContaining({ 'Annotation ID': s.adverse.id, Blinded: 'Yes', Countries: 'US; DE', Outcome: 'Infusion reactions', Events: '12' })]);
    await expect(core['export.run']({ format: 'csv', templateId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });

    const empty = await newReview();
    const csv = (await empty.core['export.run']({ format: 'csv' })).content;
    expect(csv.startsWith('\uFEFFArticle ID,Annotation ID,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(2); // the header, then nothing
  });
});

describe('export: XLSX', () => {
  it('one sheet per section plus Articles and Discrepancies, with typed cells', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seedExportReview(core);
    const file = await core['export.run']({ format: 'xlsx' });
    expect(file).toMatchObject({ encoding: 'base64', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const wb = await workbook(file.content);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Study', 'Outcomes', 'Articles', 'Discrepancies']);

    const outcomes = wb.getWorksheet('Outcomes')!;
    expect(outcomes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(outcomes.autoFilter).toMatch(/^A1:[A-Z]+1$/);
    expect(outcomes.getColumn(1).width).toBeGreaterThan(6);
    expect(outcomes.getRow(1).getCell(1).font?.bold).toBe(true);
    const records = table(outcomes);
    expect(records.map((r) => r['Annotation ID'])).toEqual([s.ivig.id, s.placebo.id, s.responders.id, s.deaths.id, s.relapse.id]);
    expect(records[0]).toMatchObject({
      Article: 'Werth et al. 2022',
      Status: 'Complete',
      Value: -9.36, // "−9.36" is plainly a number
      'CI low': -12.52,
      n: 47,
      'p value': '<0.001', // a text field stays text
      Note: '=HYPERLINK("http://evil","click")', // a string cell, never a formula
      Quote: 'was −9.36 with IVIg',
      Tags: 'primary; include',
    });
    expect(records[4]).toMatchObject({ Outcome: 'Relapse', Value: '<0.001' }); // not a plain number: kept as text
    expect(records[2]).toMatchObject({ Value: 79, Unit: '%', Page: 2, Events: 37 });

    const study = table(wb.getWorksheet('Study')!);
    expect(study.map((r) => [r['Article ID'], r.Reviewer, r.Design, r['Sample size']])).toEqual([
      [s.a, 'me', 'Parallel RCT', 95],
      [s.b, 'me', 'Cohort', null],
    ]);
    expect(study[0]!['Updated (UTC)']).toBeInstanceOf(Date);

    const articles = table(wb.getWorksheet('Articles')!);
    expect(articles[0]).toMatchObject({ 'Article ID': s.a, Year: 2022, DOI: '10.1056/NEJMoa2117912', Tags: 'include', Authors: 'Werth VP; Aggarwal R; Charles-Schoeman C' });
    expect(articles[0]!['Imported (UTC)']).toBeInstanceOf(Date);
    expect(articles[1]).toMatchObject({ 'Article ID': s.b, Kind: 'pdf', 'PDF pages': 2 });

    const discrepancies = table(wb.getWorksheet('Discrepancies')!);
    expect(discrepancies).toHaveLength(1);
    expect(discrepancies[0]).toMatchObject({ 'Annotation ID': s.discrepancy.id, Kind: 'journal', Note: 'Lancet vs NEJM', Quote: 'The Lancet' });
    expect(discrepancies[0]!['Linked quotes']).toBe(
      `Werth et al. 2022: “Published in The Lancet.” | NEJM primary report: “Published in NEJM 2022.” | deleted-annotation-id: (annotation no longer exists)`,
    );
  });

  it('writes yes/no as booleans and multiple choice joined, for the template asked for', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seedExportReview(core);
    const wb = await workbook((await core['export.run']({ format: 'xlsx', templateId: s.safety.id })).content);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Setting', 'Adverse events', 'Articles', 'Discrepancies']);
    const setting = table(wb.getWorksheet('Setting')!);
    expect(setting[0]).toMatchObject({ 'Article ID': s.a, Blinded: true, Countries: 'US; DE', 'Template version': 2 });
    expect(table(wb.getWorksheet('Adverse events')!)).toEqual([expect.objectContaining({ Outcome: 'Infusion reactions', Events: 12 })]);
  });
});

describe('export: JSON-LD', () => {
  it('is a W3C AnnotationCollection with the stored selectors', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seedExportReview(core);
    const file = await core['export.run']({ format: 'jsonld' });
    expect(file.fileName).toMatch(/\.jsonld$/);
    expect(file.mimeType).toContain('application/ld+json');
    const ld = JSON.parse(file.content);
    const stored = await core['annotations.list']({});
    expect(ld).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:evidentia:review:proderm-review',
      type: 'AnnotationCollection',
      label: 'ProDERM review',
      total: stored.length,
      first: { type: 'AnnotationPage' },
    });
    const items = ld.first.items as LdItem[];
    expect(items).toHaveLength(stored.length);
    for (const a of stored) {
      const item = items.find((i) => i.id === `urn:uuid:${a.id}`)!;
      expect(item, a.id).toMatchObject({ type: 'Annotation', created: a.created, modified: a.updated, creator: { id: `urn:evidentia:reviewer:${a.reviewer}`, type: 'Person', name: a.reviewer } });
      expect(item.target.selector).toEqual(a.target.selector);
      expect(item.target.source).toBe(a.articleId === s.a ? 'https://doi.org/10.1056/NEJMoa2117912' : `urn:evidentia:article:${s.b}`);
    }
    const ivig = items.find((i) => i.id === `urn:uuid:${s.ivig.id}`)!;
    expect(ivig.motivation).toBe('tagging');
    expect(ivig.body).toEqual(
      expect.arrayContaining([
        { type: 'TextualBody', purpose: 'tagging', value: 'CDASI-A change', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'primary', format: 'text/plain' },
        expect.objectContaining({ purpose: 'describing', value: expect.stringContaining('Value: −9.36\n') }),
      ]),
    );
    const disc = items.find((i) => i.id === `urn:uuid:${s.discrepancy.id}`)!;
    expect(disc.motivation).toBe('assessing');
    expect(disc.body).toEqual(
      expect.arrayContaining([
        { type: 'TextualBody', purpose: 'assessing', value: 'Lancet vs NEJM', format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'linking', source: `urn:uuid:${s.journalA.id}` },
      ]),
    );
    expect(items.find((i) => i.id === `urn:uuid:${s.journalA.id}`)).toMatchObject({
      motivation: 'commenting',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'journal named here', format: 'text/plain' }],
    });
  });
});

describe('export: RevMan', () => {
  it('one row per poolable record, typed by what was extracted, ordered by outcome, time, study, group', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    await seedExportReview(core);
    const file = await core['export.run']({ format: 'revman' });
    expect(file.fileName).toMatch(/-revman-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.startsWith('Study,Outcome,Time point,Group,Data type,Mean,SD,Events,N,Estimate,CI low,CI high,SE,Measure\r\n')).toBe(true);
    const rows = parse(file.content, { columns: true }) as Array<Record<string, string>>;
    const brief = rows.map((r) => [r.Study, r.Outcome, r.Group, r['Data type']]);
    // Relapse ("<0.001") has nothing to pool and is left out.
    expect(brief).toEqual([
      ['Werth et al. 2022', 'CDASI-A change', 'IVIg', 'estimate'],
      ['Werth et al. 2022', 'CDASI-A change', 'Placebo', 'continuous'],
      ['NEJM primary report', 'Mortality', '', 'estimate'],
      ['NEJM primary report', 'Responders', 'IVIg', 'dichotomous'],
    ]);
    expect(rows[0]).toMatchObject({ Estimate: '-9.36', 'CI low': '-12.52', 'CI high': '-6.19', N: '47', Measure: 'MD', Mean: '' });
    expect(Number(rows[0]!.SE)).toBeCloseTo((12.52 - 6.19) / 3.92, 5);
    expect(rows[1]).toMatchObject({ Mean: '-1.16', SD: '3.1', N: '48', Estimate: '', SE: '' });
    expect(Number(rows[2]!.SE)).toBeCloseTo((Math.log(1.28) - Math.log(0.5)) / 3.92, 5); // ratio: on the log scale
    expect(rows[3]).toMatchObject({ Events: '37', N: '47', Mean: '' });
  });
});

describe('export: RIS and BibTeX', () => {
  it('carry the articles with their tags and the reviewers\' notes', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    await seedExportReview(core);
    const ris = await core['export.run']({ format: 'ris' });
    const bib = await core['export.run']({ format: 'bibtex' });
    expect(ris.fileName).toMatch(/\.ris$/);
    expect(bib.fileName).toMatch(/\.bib$/);
    for (const file of [ris, bib]) {
      expect(file.content, file.fileName).toContain('include');
      expect(file.content, file.fileName).toContain('journal named here');
      expect(file.content, file.fileName).toContain('Outcome: CDASI-A change IVIg week 16');
      expect(file.content, file.fileName).toContain('Discrepancy (journal): Lancet vs NEJM');
    }
    expect(ris.content).toContain('10.1056/NEJMoa2117912');
  });
});

describe('protectCell', () => {
  it('prefixes formula starters but leaves plain numbers alone', () => {
    for (const cell of ['=1+1', '+A1', '-A1', '@cmd', '\tx', '\rx', '-', '- 3', '-9.36 (95% CI)']) expect(protectCell(cell)).toBe(`'${cell}`);
    for (const cell of ['-9.36', '+5', '-1e-3', '-.5', '9.36', 'text', '', '−9.36']) expect(protectCell(cell)).toBe(cell);
  });
});
