/**
 * buildSheet: one row per outcome record of the template, study values carried per article,
 * study-only rows, retired columns only when used, required-but-empty cells listed.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_BIBLIO, type Template } from '../../shared/model/index';
import { buildSheet } from '../../shared/sheet/build';
import { defaultTemplate } from '../../shared/templates/default-template';
import type { AnnotationFile, ArticleIndexEntry, FieldValues } from '../../shared/model/index';

function article(id: string, title: string, extra: Partial<ArticleIndexEntry> = {}): ArticleIndexEntry {
  return {
    id,
    title,
    authors: [],
    journal: null,
    year: null,
    doi: null,
    ...EMPTY_BIBLIO,
    kind: 'text',
    fileName: `${title}.txt`,
    sha256: 'a'.repeat(64),
    importedAt: '2024-01-01T00:00:00.000Z',
    pageCount: 0,
    noTextLayer: false,
    attachments: [],
    ...extra,
  };
}

function shard(articleId: string, reviewer: string, records: { id: string; fields: FieldValues; template?: string }[], study: FieldValues | null = null): AnnotationFile {
  return {
    schemaVersion: 2,
    articleId,
    reviewer,
    annotations: records.map((r, k) => ({
      id: r.id,
      articleId,
      reviewer,
      target: {
        source: articleId,
        sourceHash: 'a'.repeat(64),
        selector: [
          { type: 'TextQuoteSelector', exact: `quote of ${r.id}`, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: k, end: k + 5 },
        ],
      },
      body: { type: 'outcome', template: { id: r.template ?? 'trial-outcomes', version: 1 }, fields: r.fields, status: 'in-progress', tags: [] },
      created: `2024-01-01T00:00:0${k}.000Z`,
      updated: `2024-01-01T00:00:0${k}.000Z`,
    })),
    study: study ? [{ template: { id: 'trial-outcomes', version: 1 }, fields: study, updated: '2024-01-01T00:00:00.000Z' }] : [],
  };
}


const A = '000000000000000a';
const B = '000000000000000b';
const C = '000000000000000c';
const template = defaultTemplate('2024-01-01T00:00:00.000Z');

function withRetired(t: Template): Template {
  const sections = t.sections.map((s) =>
    s.level === 'outcome' ? { ...s, fields: [...s.fields, { key: 'old_scale', label: 'Old scale', kind: 'text' as const, help: '', required: false, options: [], retired: true }] } : s,
  );
  return { ...t, sections };
}

describe('buildSheet', () => {
  const articles = [article(A, 'Alpha trial', { authors: ['Werth VP', 'Aggarwal R', 'Chung L'], year: 2022, tags: ['rct'] }), article(B, 'Beta trial'), article(C, 'Gamma trial')];

  it('makes one row per outcome record, in article order, with study values and tags', () => {
    const data = buildSheet(template, articles, [
      shard(B, 'me', [{ id: 'rec-b-0001', fields: { outcome: 'Mortality', value: '3' } }]),
      shard(A, 'me', [{ id: 'rec-a-0001', fields: { outcome: 'Responders', value: '79' } }], { design: 'Parallel RCT', sample_size: '95' }),
    ]);
    expect(data.rows.map((r) => r.rowId)).toEqual(['rec-a-0001', 'rec-b-0001']);
    const first = data.rows[0]!;
    expect(first).toMatchObject({ articleLabel: 'Werth et al. 2022', quote: 'quote of rec-a-0001', tags: ['rct'], status: 'in-progress' });
    expect(first.values).toMatchObject({ 'o.outcome': 'Responders', 'o.value': '79', 's.design': 'Parallel RCT', 's.sample_size': '95' });
    expect(data.rows[1]!.values['s.design']).toBeUndefined();
  });

  it('keeps records made in the same millisecond in the order they were made, whatever their ids', () => {
    const same = shard(A, 'me', [
      { id: 'zzzz-made-first', fields: { outcome: 'Response', value: '2' } },
      { id: 'aaaa-made-second', fields: { outcome: 'response', value: '3' } },
    ]);
    for (const a of same.annotations) a.created = '2024-01-01T00:00:00.000Z';
    expect(buildSheet(template, articles, [same]).rows.map((r) => r.rowId)).toEqual(['zzzz-made-first', 'aaaa-made-second']);
  });

  it('skips records of other templates', () => {
    const data = buildSheet(template, articles, [shard(A, 'me', [{ id: 'rec-other-01', fields: { outcome: 'X' }, template: 'other' }])]);
    expect(data.rows).toEqual([]);
  });

  it('gives an article with study values but no record a study-only row', () => {
    const data = buildSheet(template, articles, [shard(C, 'ana', [], { design: 'Cohort' }), shard(B, 'me', [], { design: '' })]);
    expect(data.rows).toHaveLength(1); // Beta's study values are all blank: no row
    expect(data.rows[0]).toMatchObject({ rowId: `study:${C}:ana`, annotationId: null, status: null, quote: '', values: { 's.design': 'Cohort' } });
    expect(data.rows[0]!.missing).toEqual([]); // outcome columns are not required of a study-only row
  });

  it('lists required fields left empty', () => {
    const data = buildSheet(template, articles, [shard(A, 'me', [{ id: 'rec-a-0002', fields: { outcome: 'Responders', value: '  ' } }, { id: 'rec-a-0003', fields: { value: '1' } }])]);
    expect(data.rows.map((r) => r.missing)).toEqual([['o.value'], ['o.outcome']]);
  });

  it('shows a retired column only when a stored value uses it, and keeps unknown keys', () => {
    const retired = withRetired(template);
    const unused = buildSheet(retired, articles, [shard(A, 'me', [{ id: 'rec-a-0004', fields: { outcome: 'X', value: '1' } }])]);
    expect(unused.columns.map((c) => c.key)).not.toContain('o.old_scale');
    const used = buildSheet(retired, articles, [shard(A, 'me', [{ id: 'rec-a-0005', fields: { outcome: 'X', value: '1', old_scale: 'VAS', mystery: 'm' } }])]);
    expect(used.columns.find((c) => c.key === 'o.old_scale')).toMatchObject({ retired: true, label: 'Old scale' });
    expect(used.columns.find((c) => c.key === 'o.mystery')).toMatchObject({ retired: true, level: 'outcome' });
  });

  it('orders columns: fixed, then outcome, then study (repeated per article)', () => {
    const { columns } = buildSheet(template, articles, []);
    const levels = columns.map((c) => c.level);
    expect(levels.slice(0, 5)).toEqual(['fixed', 'fixed', 'fixed', 'fixed', 'fixed']);
    expect(levels.lastIndexOf('outcome')).toBeLessThan(levels.indexOf('study'));
    expect(columns.find((c) => c.key === 'o.value')).toMatchObject({ kind: 'number', required: true });
  });
});
