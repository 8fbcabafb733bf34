import { describe, expect, it } from 'vitest';
import { discrepancyItems, linkedComponents } from '../../shared/discrepancies/items.js';
import type { AnchoredAnnotation, DiscrepancyBody, StudyGroup } from '../../shared/model/index.js';

const SHA = 'a'.repeat(64);
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

function discrepancy(id: string, articleId: string, created: string, body: Partial<DiscrepancyBody>): AnchoredAnnotation {
  return {
    id,
    articleId,
    reviewer: body.fingerprint ? 'evidentia' : 'me',
    target: { source: articleId, sourceHash: SHA, selector: [{ type: 'TextQuoteSelector', exact: `quote of ${id}`, prefix: '', suffix: '' }] },
    body: { type: 'discrepancy', kind: 'journal', note: '', links: [], status: 'confirmed', severity: 'medium', reason: '', fingerprint: null, ...body },
    created,
    updated: created,
    anchor: { status: 'exact', start: 0, end: 5, page: null },
  };
}
const outcome: AnchoredAnnotation = {
  ...discrepancy('outcome-1', A, '2026-01-01T00:00:00.000Z', {}),
  body: { type: 'outcome', template: { id: 'trial-outcomes', version: 1 }, fields: {}, status: 'in-progress', tags: [] },
};
const labels = (id: string) => (id === A ? 'Roe 2023' : 'Doe 2022');

describe('discrepancy items', () => {
  it('joins annotations linked in either direction, across articles, and leaves other bodies out', () => {
    const list = [
      discrepancy('d-second', B, '2026-01-02T00:00:00.000Z', { links: [] }),
      discrepancy('d-first1', A, '2026-01-01T00:00:00.000Z', { links: ['d-second', 'missing-id'] }),
      discrepancy('d-alone1', A, '2026-01-03T00:00:00.000Z', {}),
      outcome,
    ];
    expect(linkedComponents(list).map((c) => c.map((a) => a.id))).toEqual([['d-first1', 'd-second'], ['d-alone1']]);
  });

  it('takes kind, status and explanation from the first annotation, names the articles and the study', () => {
    const groups: StudyGroup[] = [{ id: 'group-0001', label: 'ACME-7', articleIds: [A, B], status: 'suggested', evidence: [] }];
    const [item] = discrepancyItems(
      [
        discrepancy('d-first1', A, '2026-01-01T00:00:00.000Z', { links: ['d-second'], status: 'suggested', severity: 'high', note: 'Lancet vs NEJM', fingerprint: 'journal:x' }),
        discrepancy('d-second', B, '2026-01-02T00:00:00.000Z', { links: ['d-first1'], status: 'suggested', severity: 'high', note: 'Lancet vs NEJM', fingerprint: 'journal:x' }),
      ],
      labels,
      groups,
    );
    expect(item).toMatchObject({
      id: 'd-first1',
      annotationIds: ['d-first1', 'd-second'],
      kind: 'journal',
      status: 'suggested',
      severity: 'high',
      note: 'Lancet vs NEJM',
      reviewer: 'evidentia',
      studyGroupId: 'group-0001',
      studyLabel: 'ACME-7',
      updated: '2026-01-02T00:00:00.000Z',
    });
    expect(item!.quotes.map((q) => [q.articleLabel, q.exact])).toEqual([
      ['Roe 2023', 'quote of d-first1'],
      ['Doe 2022', 'quote of d-second'],
    ]);
  });

  it('lists suggested before confirmed before dismissed, high severity first', () => {
    const items = discrepancyItems(
      [
        discrepancy('dismissed', A, '2026-01-01T00:00:00.000Z', { status: 'dismissed', severity: 'high' }),
        discrepancy('confirmd', A, '2026-01-01T00:00:00.000Z', { status: 'confirmed', severity: 'high' }),
        discrepancy('sugg-low', A, '2026-01-01T00:00:00.000Z', { status: 'suggested', severity: 'low' }),
        discrepancy('sugg-high', A, '2026-01-02T00:00:00.000Z', { status: 'suggested', severity: 'high' }),
      ],
      labels,
      [],
    );
    expect(items.map((i) => i.id)).toEqual(['sugg-high', 'sugg-low', 'confirmd', 'dismissed']);
    expect(items[0]!.studyGroupId).toBeNull();
  });
});
