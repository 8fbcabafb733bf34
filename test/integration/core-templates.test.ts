/**
 * Templates, study values and the sheet through the core: versions recorded per value, edits that
 * never drop stored values, checks by field kind, the sheet's query and in-place edits, and a review
 * folder written by version 1 of Evidentia opening with its records intact.
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/types.js';
import type { SheetRecordRow, Template } from '../../shared/model/index.js';
import { base64, newReview, openTest } from './core-helpers.js';

const TEXT = 'Trial report\nThe mean change in CDASI-A was −9.36 (95% CI −12.52 to −6.19) with IVIg.\nAt week 16, 79% responded.';

async function seed(core: Core) {
  const [result] = (await core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64(TEXT) }] })).results;
  const articleId = result!.articleId!;
  const at = (quote: string) => {
    const start = TEXT.indexOf(quote);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  return { articleId, at };
}

function draftOf(t: Template) {
  return { id: t.id, name: t.name, sections: structuredClone(t.sections) };
}

const records = (rows: Array<{ kind: string }>) => rows.filter((r): r is SheetRecordRow => r.kind === 'record');

describe('templates', () => {
  it('a new review has "Trial outcomes" v1 with study-level and outcome-level fields', async () => {
    const { core } = await newReview();
    const [t] = await core['templates.list']({});
    expect(t).toMatchObject({ id: 'trial-outcomes', name: 'Trial outcomes', version: 1 });
    const study = t!.sections.find((s) => s.level === 'study')!.fields.map((f) => f.key);
    expect(study).toEqual(['design', 'population', 'intervention', 'comparator', 'sample_size', 'funding']);
  });

  it('records the version values were captured under, and a field removed later is retired, not dropped', async () => {
    const { core } = await newReview();
    const { at } = await seed(core);
    const first = await core['annotations.create']({ ...at('−9.36'), body: { type: 'outcome', fields: { outcome: 'CDASI-A', unit: 'points', value: '−9.36' } } });
    expect(first.body).toMatchObject({ template: { id: 'trial-outcomes', version: 1 } });

    const [v1] = await core['templates.list']({});
    const draft = draftOf(v1!);
    const outcomes = draft.sections.find((s) => s.level === 'outcome')!;
    outcomes.fields = outcomes.fields.filter((f) => f.key !== 'unit');
    outcomes.fields.push({ key: 'risk_of_bias', label: 'Risk of bias', kind: 'single', help: '', required: false, options: ['Low', 'High'], retired: false });
    const v2 = await core['templates.save']({ template: draft });
    expect(v2.version).toBe(2);
    const unit = v2.sections.flatMap((s) => s.fields).find((f) => f.key === 'unit');
    expect(unit).toMatchObject({ retired: true });

    const second = await core['annotations.create']({ ...at('79% responded'), body: { type: 'outcome', fields: { outcome: 'Response', risk_of_bias: 'Low' } } });
    expect(second.body).toMatchObject({ template: { version: 2 }, fields: { risk_of_bias: 'Low' } });
    // The first record still says v1 and still holds its unit, which the sheet still shows.
    const all = await core['annotations.list']({});
    expect(all.find((a) => a.id === first.id)!.body).toMatchObject({ template: { version: 1 }, fields: { unit: 'points' } });
    const page = await core['sheet.query']({});
    expect(page.columns.map((c) => c.key)).toContain('o.unit');
    expect(page.columns.find((c) => c.key === 'o.unit')).toMatchObject({ retired: true });
    expect(records(page.rows).find((r) => r.annotationId === first.id)!.values['o.unit']).toBe('points');
  });

  it('refuses values that do not fit the field kind or the template, and invalid drafts', async () => {
    const { core } = await newReview();
    const { at } = await seed(core);
    await expect(core['annotations.create']({ ...at('−9.36'), body: { type: 'outcome', fields: { pvalue: '0.01' } } })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('"pvalue" is not an outcome-level field'),
    });
    await expect(core['study.save']({ articleId: (await seed(core)).articleId, templateId: 'trial-outcomes', fields: { design: 'Astrology' } })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('"Astrology" is not a choice of "Design"'),
    });
    const [t] = await core['templates.list']({});
    const draft = draftOf(t!);
    draft.sections[1]!.fields.push({ ...draft.sections[1]!.fields[0]! });
    await expect(core['templates.save']({ template: draft })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringContaining('share the key "outcome"') });
  });

  it('creates a copy under a fresh id', async () => {
    const { core } = await newReview();
    const copy = await core['templates.create']({ name: 'Trial outcomes', copyOf: 'trial-outcomes' });
    expect(copy.id).toBe('trial-outcomes-2');
    expect(copy.sections).toEqual((await core['templates.list']({}))[0]!.sections);
  });
});

describe('study values and the sheet', () => {
  it('study values appear on every row of their article; edits in place persist', async () => {
    const { core, dir } = await newReview();
    const { articleId, at } = await seed(core);
    await core['study.save']({ articleId, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95' } });
    const a = await core['annotations.create']({ ...at('−9.36'), body: { type: 'outcome', fields: { outcome: 'CDASI-A', value: '−9.36' } } });
    await core['annotations.create']({ ...at('79% responded'), body: { type: 'outcome', fields: { outcome: 'Response', value: '79' } }, reviewer: 'ben' });
    await core['study.save']({ articleId, templateId: 'trial-outcomes', fields: { design: 'Crossover RCT' }, reviewer: 'ben' });

    const page = await core['sheet.query']({ sort: [{ column: 'o.value', direction: 'asc' }] });
    const rows = records(page.rows);
    expect(rows.map((r) => r.values['o.value'])).toEqual(['−9.36', '79']); // numeric order, Unicode minus understood
    expect(rows.map((r) => r.values['s.design'])).toEqual(['Parallel RCT', 'Crossover RCT']); // each reviewer's own
    expect(rows[0]!.missing).toEqual([]);

    const edited = await core['sheet.edit']({ rowId: a.id, column: 'o.value', value: '−9.4' });
    expect(edited.values['o.value']).toBe('−9.4');
    await core['sheet.edit']({ rowId: a.id, column: 's.sample_size', value: '96' });
    await core['sheet.edit']({ rowId: a.id, column: 'status', value: 'verified' });
    await core.close();

    const again = await openTest(dir);
    const row = records((await again['sheet.query']({ filter: { reviewer: 'me' } })).rows)[0]!;
    expect(row).toMatchObject({ status: 'verified', values: { 'o.value': '−9.4', 's.sample_size': '96', 's.design': 'Parallel RCT' } });
    expect((await again['study.get']({ articleId })).map((s) => s.reviewer).sort()).toEqual(['ben', 'me']);
  });

  it('filters by text (accent-insensitive), outcome and status; groups by outcome with collapse', async () => {
    const { core } = await newReview();
    const { at } = await seed(core);
    await core['annotations.create']({ ...at('−9.36'), body: { type: 'outcome', fields: { outcome: 'Éruption score', value: '1' } } });
    await core['annotations.create']({ ...at('79% responded'), body: { type: 'outcome', fields: { outcome: 'Response', value: '2' }, status: 'complete' } });
    await core['annotations.create']({ ...at('with IVIg'), body: { type: 'outcome', fields: { outcome: 'response', value: '3' } } });
    expect((await core['sheet.query']({ filter: { text: 'eruption' } })).recordCount).toBe(1);
    expect((await core['sheet.query']({ filter: { outcome: 'RESPONSE' } })).recordCount).toBe(2);
    expect((await core['sheet.query']({ filter: { status: 'complete' } })).recordCount).toBe(1);
    const grouped = await core['sheet.query']({ groupBy: 'outcome', collapsed: ['response'] });
    const groups = grouped.rows.filter((r) => r.kind === 'group');
    // "Response" and "response" are one group, labelled by whichever spelling it met first.
    expect(groups.map((g) => [g.label.toLowerCase(), g.count, g.collapsed])).toEqual([
      ['éruption score', 1, false],
      ['response', 2, true],
    ]);
    expect(grouped.total).toBe(3); // two headers + the one row of the open group
    const facets = await core['sheet.facets']({});
    expect(facets.outcomes).toEqual([
      { name: 'Response', count: 2 },
      { name: 'Éruption score', count: 1 },
    ]);
  });
});

describe('a review written by Evidentia version 1', () => {
  it('opens with its outcome record under "Trial outcomes" v1, values intact; files are upgraded only when written', async () => {
    const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/migrations/v1-review');
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'evidentia-v1-')), 'review');
    await cp(fixture, dir, { recursive: true });
    const core = await openTest(dir);
    const rows = records((await core['sheet.query']({})).rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ templateVersion: 1, values: { 'o.outcome': 'CDASI-A change', 'o.value': '-9.36' } });
    const shardFile = path.join(dir, 'annotations/835e933308cba30b/me.json');
    expect(JSON.parse(await readFile(shardFile, 'utf8')).schemaVersion).toBe(1);
    await core['sheet.edit']({ rowId: rows[0]!.rowId, column: 'o.unit', value: 'points' });
    expect(JSON.parse(await readFile(shardFile, 'utf8'))).toMatchObject({ schemaVersion: 2, study: [] });
    const anchored = await core['annotations.list']({});
    expect(anchored.every((a) => a.anchor.status === 'exact')).toBe(true);
  });
});
