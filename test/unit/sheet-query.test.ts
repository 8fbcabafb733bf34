/** querySheet: filters (each facet, accent- and case-insensitive text), sorting, grouping, paging. */
import { describe, expect, it } from 'vitest';
import { SheetQuery, type FieldValues, type SheetRecordRow, type SheetRow } from '../../shared/model/index';
import type { SheetData } from '../../shared/sheet/build';
import { fold, parseNumber, querySheet, sheetFacets } from '../../shared/sheet/query';

let n = 0;
/** A record row for query tests; only what a test names differs from the defaults. */
function row(values: Record<string, FieldValues[string]>, extra: Partial<SheetRecordRow> = {}): SheetRecordRow {
  n += 1;
  return {
    kind: 'record',
    rowId: `row-${String(n).padStart(6, '0')}`,
    annotationId: `row-${String(n).padStart(6, '0')}`,
    articleId: '0000000000000001',
    articleLabel: 'Werth 2022',
    articleTitle: 'IVIg in dermatomyositis',
    reviewer: 'me',
    status: 'in-progress',
    quote: '',
    page: null,
    tags: [],
    templateVersion: 1,
    values,
    missing: [],
    ...extra,
  };
}

const T = { id: 'trial-outcomes', version: 1 };
const A = '000000000000000a';
const B = '000000000000000b';

function data(rows: SheetRecordRow[]): SheetData {
  return { columns: [], rows };
}
function q(input: Partial<SheetQuery> = {}): SheetQuery {
  return SheetQuery.parse(input);
}
const ids = (rows: SheetRow[]) => rows.map((r) => (r.kind === 'record' ? r.rowId : `group:${r.key}`));

const r1 = row({ 'o.outcome': 'Responders', 'o.value': '79' }, { articleId: A, articleLabel: 'Alpha', reviewer: 'me', status: 'complete', tags: ['primary'] });
const r2 = row({ 'o.outcome': 'Œdème résiduel', 'o.value': '-9.36' }, { articleId: B, articleLabel: 'Beta', reviewer: 'ana', quote: 'Swelling fell' });
const r3 = row({ 'o.outcome': 'responders', 'o.value': '' }, { articleId: A, articleLabel: 'Alpha', reviewer: 'ana', status: 'verified' });
const r4 = row({ 'o.outcome': 'Mortality', 'o.value': '10' }, { articleId: B, articleLabel: 'Beta', reviewer: 'me', tags: ['check'] });
const r5 = row({ 'o.outcome': 'Mortality', 'o.value': '\u22122' }, { articleId: B, articleLabel: 'Beta', reviewer: 'me' });
const all = data([r1, r2, r3, r4, r5]);

describe('filters', () => {
  it.each([
    [{ articleId: A }, [r1, r3]],
    [{ outcome: 'RESPONDERS' }, [r1, r3]],
    [{ reviewer: 'ana' }, [r2, r3]],
    [{ tag: 'check' }, [r4]],
    [{ status: 'verified' as const }, [r3]],
    [{ articleId: B, reviewer: 'me' }, [r4, r5]],
  ])('filter %j', (filter, expected) => {
    const page = querySheet(all, q({ filter }), T);
    expect(ids(page.rows)).toEqual(ids(expected));
    expect(page.recordCount).toBe(expected.length);
  });

  it('matches text case- and accent-insensitively in cells, quotes and labels', () => {
    expect(ids(querySheet(all, q({ filter: { text: 'DEME RESIDUEL' } }), T).rows)).toEqual(ids([r2]));
    expect(ids(querySheet(all, q({ filter: { text: 'swelling' } }), T).rows)).toEqual(ids([r2]));
    expect(ids(querySheet(all, q({ filter: { text: 'alpha' } }), T).rows)).toEqual(ids([r1, r3]));
    expect(querySheet(all, q({ filter: { text: 'nowhere' } }), T).recordCount).toBe(0);
    expect(fold('Œdème RÉSIDUEL \u22122')).toBe('œdeme residuel -2');
  });
});

describe('sorting', () => {
  it('sorts numbers as numbers (Unicode minus included), empty cells last in both directions', () => {
    expect(ids(querySheet(all, q({ sort: [{ column: 'o.value', direction: 'asc' }] }), T).rows)).toEqual(ids([r2, r5, r4, r1, r3]));
    expect(ids(querySheet(all, q({ sort: [{ column: 'o.value', direction: 'desc' }] }), T).rows)).toEqual(ids([r1, r4, r5, r2, r3]));
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('<0.001')).toBeNull();
  });

  it('sorts text folded, numbers before text, and by a second column on ties (stable otherwise)', () => {
    const byOutcome = querySheet(all, q({ sort: [{ column: 'o.outcome', direction: 'asc' }, { column: 'o.value', direction: 'desc' }] }), T);
    // Folded code-point order: "œ" sorts after "r".
    expect(ids(byOutcome.rows)).toEqual(ids([r4, r5, r1, r3, r2]));
    const mixed = data([row({ 'o.p': '<0.001' }), row({ 'o.p': '0.04' }), row({ 'o.p': 'ns' })]);
    const rows = querySheet(mixed, q({ sort: [{ column: 'o.p', direction: 'asc' }] }), T).rows as SheetRecordRow[];
    expect(rows.map((r) => r.values['o.p'])).toEqual(['0.04', '<0.001', 'ns']);
  });

  it('sorts fixed columns (reviewer, status)', () => {
    const rows = querySheet(all, q({ sort: [{ column: 'reviewer', direction: 'asc' }, { column: 'status', direction: 'desc' }] }), T).rows;
    expect(ids(rows)).toEqual(ids([r3, r2, r4, r5, r1]));
  });
});

describe('grouping and paging', () => {
  it('groups by outcome (folded) with counts, and folds a collapsed group', () => {
    const page = querySheet(all, q({ groupBy: 'outcome' }), T);
    expect(page.rows.filter((r) => r.kind === 'group').map((g) => g.kind === 'group' && [g.label, g.count])).toEqual([
      ['Responders', 2],
      ['Œdème résiduel', 1],
      ['Mortality', 2],
    ]);
    expect(page.total).toBe(8);
    const folded = querySheet(all, q({ groupBy: 'outcome', collapsed: ['responders'] }), T);
    expect(ids(folded.rows)).toEqual(['group:responders', 'group:œdeme residuel', r2.rowId, 'group:mortality', r4.rowId, r5.rowId]);
    expect(folded.rows[0]).toMatchObject({ collapsed: true, count: 2 });
    expect(folded.recordCount).toBe(5);
  });

  it('groups by article within the sort order', () => {
    const page = querySheet(all, q({ groupBy: 'article', sort: [{ column: 'o.value', direction: 'asc' }] }), T);
    expect(ids(page.rows)).toEqual([`group:${B}`, r2.rowId, r5.rowId, r4.rowId, `group:${A}`, r1.rowId, r3.rowId]);
  });

  it('pages with offset and limit, reporting the total of visible rows', () => {
    const page = querySheet(all, q({ offset: 3, limit: 2 }), T);
    expect(ids(page.rows)).toEqual(ids([r4, r5]));
    expect(page).toMatchObject({ total: 5, recordCount: 5, offset: 3 });
    expect(querySheet(all, q({ offset: 10 }), T).rows).toEqual([]);
  });

  it('answers again from its cache with the same rows, and recomputes for a new data set', () => {
    const first = querySheet(all, q({ sort: [{ column: 'o.value', direction: 'asc' }] }), T);
    const second = querySheet(all, q({ sort: [{ column: 'o.value', direction: 'asc' }], offset: 1 }), T);
    expect(ids(second.rows)).toEqual(ids(first.rows).slice(1));
    const smaller = data([r1, r2]);
    expect(querySheet(smaller, q({ sort: [{ column: 'o.value', direction: 'asc' }] }), T).total).toBe(2);
  });
});

describe('facets', () => {
  it('lists articles, outcomes (merged case-insensitively, by count), reviewers and tags', () => {
    expect(sheetFacets(all)).toEqual({
      articles: [
        { id: A, label: 'Alpha' },
        { id: B, label: 'Beta' },
      ],
      outcomes: [
        { name: 'Mortality', count: 2 },
        { name: 'Responders', count: 2 },
        { name: 'Œdème résiduel', count: 1 },
      ],
      reviewers: ['ana', 'me'],
      tags: ['check', 'primary'],
    });
  });
});
