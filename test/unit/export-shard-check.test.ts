/**
 * fastShard, the export's quick validation of annotation shards, against the schema it stands in
 * for: on every input it either declines (null, and the caller parses with zod) or returns exactly
 * what AnnotationFile.parse returns, keys in the same order. Checked on a valid shard, on the same
 * shard with its keys stored in another order, and on every leaf of it replaced by odd values.
 */
import { describe, expect, it } from 'vitest';
import {
  Annotation,
  AnnotationFile,
  DiscrepancyBody,
  NoteBody,
  OutcomeBody,
  PageFragmentSelector,
  StudyRecord,
  Target,
  TemplateRef,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../shared/model/index';
import { KEYS, fastShard } from '../../electron/core/export/shard-check';

const A = '0123456789abcdef';
const SHA = 'ab'.repeat(32);

function validShard(): Record<string, unknown> {
  const target = (start: number) => ({
    source: A,
    sourceHash: SHA,
    selector: [
      { type: 'TextQuoteSelector', exact: 'mean change −9.36', prefix: 'The ', suffix: ' with IVIg' },
      { type: 'TextPositionSelector', start, end: start + 17 },
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' },
    ],
  });
  return {
    schemaVersion: 2,
    articleId: A,
    reviewer: 'me',
    annotations: [
      {
        id: 'aaaaaaaa-1111-2222-3333-444444444444',
        articleId: A,
        reviewer: 'me',
        target: target(10),
        body: {
          type: 'outcome',
          template: { id: 'trial-outcomes', version: 1 },
          fields: { outcome: 'CDASI-A change', value: '−9.36', countries: ['US', 'DE'], blinded: true, note: null },
          status: 'complete',
          tags: ['primary'],
        },
        created: '2024-02-29T10:00:00.000Z',
        updated: '2024-03-01T23:59:59.999Z',
      },
      {
        id: 'bbbbbbbb-1111-2222-3333-444444444444',
        articleId: A,
        reviewer: 'me',
        target: target(40),
        body: { type: 'discrepancy', kind: 'journal', note: 'Lancet vs NEJM', links: ['aaaaaaaa-1111-2222-3333-444444444444'], status: 'dismissed', severity: 'low', reason: 'same trial', fingerprint: null },
        created: '2024-01-01T00:00:00.000Z',
        updated: '2024-01-01T00:00:00.000Z',
      },
      {
        id: 'cccccccc-1111-2222-3333-444444444444',
        articleId: A,
        reviewer: 'me',
        target: target(70),
        body: { type: 'note', text: 'journal named here' },
        created: '2024-01-01T00:00:00.000Z',
        updated: '2024-01-01T00:00:00.000Z',
      },
    ],
    study: [{ template: { id: 'trial-outcomes', version: 1 }, fields: { design: 'Parallel RCT' }, updated: '2000-12-31T00:00:00.000Z' }],
  };
}

/** The property under test: declined, or exactly the schema's output (key order included). */
function agrees(raw: unknown): 'declined' | 'accepted' {
  const fast = fastShard(raw);
  if (fast === null) return 'declined';
  const parsed = AnnotationFile.safeParse(raw);
  expect(parsed.success, JSON.stringify(raw).slice(0, 300)).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
  return 'accepted';
}

/** Every path to a leaf value (and to every object and array) of `value`. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function withValue(root: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const ODD_VALUES: unknown[] = [
  undefined, // the key removed (a default would apply, or the schema refuses)
  null,
  '',
  ' padded ',
  'x'.repeat(10_001),
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  'page=0',
  '2024-02-30T00:00:00.000Z',
  '2023-02-29T00:00:00.000Z',
  '2024-01-01T24:00:00.000Z',
  '2024-01-01T00:00:00Z',
  '2024-01-01T00:00:00.000+02:00',
  'not-an-id',
  'UPPER',
  'ab'.repeat(32),
  'aaaaaaaa-1111-2222-3333-444444444444',
];

describe('fastShard', () => {
  it('lists the keys of each schema object in the schema order', () => {
    expect(KEYS.file).toEqual(Object.keys(AnnotationFile.shape));
    expect(KEYS.annotation).toEqual(Object.keys(Annotation.shape));
    expect(KEYS.target).toEqual(Object.keys(Target.shape));
    expect(KEYS.quote).toEqual(Object.keys(TextQuoteSelector.shape));
    expect(KEYS.position).toEqual(Object.keys(TextPositionSelector.shape));
    expect(KEYS.fragment).toEqual(Object.keys(PageFragmentSelector.shape));
    expect(KEYS.outcome).toEqual(Object.keys(OutcomeBody.shape));
    expect(KEYS.discrepancy).toEqual(Object.keys(DiscrepancyBody.shape));
    expect(KEYS.note).toEqual(Object.keys(NoteBody.shape));
    expect(KEYS.study).toEqual(Object.keys(StudyRecord.shape));
    expect(KEYS.templateRef).toEqual(Object.keys(TemplateRef.shape));
  });

  it('accepts a valid shard as it is, without copying it', () => {
    const raw = validShard();
    expect(agrees(raw)).toBe('accepted');
    expect(fastShard(raw)).toBe(raw);
  });

  it('puts keys stored in another order in the schema order, as parsing does', () => {
    const raw = validShard() as { annotations: Array<Record<string, unknown>> };
    const first = raw.annotations[0]!;
    const body = first.body as Record<string, unknown>;
    raw.annotations[0] = { body: { tags: body.tags, status: body.status, fields: body.fields, template: body.template, type: 'outcome' }, ...first };
    expect(agrees(raw)).toBe('accepted');
    expect(fastShard(raw)).not.toBe(raw);
  });

  it('declines whatever the schema would refuse, fill in or change', () => {
    const base = validShard();
    let accepted = 0;
    let declined = 0;
    for (const path of paths(base)) {
      for (const value of ODD_VALUES) {
        if (agrees(withValue(base, path, value)) === 'accepted') accepted += 1;
        else declined += 1;
      }
    }
    // Both outcomes occur: odd but valid values (another id, another date) are still accepted.
    expect(accepted).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(1000);
    expect(agrees({ ...base, extra: 1 })).toBe('declined');
    expect(agrees({ ...base, schemaVersion: 1 })).toBe('declined');
    expect(agrees(null)).toBe('declined');
    expect(agrees([base])).toBe('declined');
  });
});
