/**
 * Every contract channel under malformed input (fast-check): wrong types, missing and extra keys,
 * huge strings, NaN, negative numbers, prototype-pollution keys, deep nesting. Channels are taken
 * from shared/contract.ts, so a new channel is fuzzed without touching this file.
 *
 * The policy checked here: input the channel's schema refuses is rejected with 'bad-input', by the
 * core's handlers (direct callers: CLI, tests) and by dispatch() (the UI's choke point) alike,
 * before any handler runs; input of the right shape naming an id the review does not hold is
 * 'not-found'. Neither ever writes: the review folder is byte-identical afterwards and reopens.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract.js';
import { dispatch } from '../../shared/ipc/dispatch.js';
import { EvidentiaError } from '../../shared/result.js';
import { base64, listTree, newReview, openTest } from './core-helpers.js';
import type { Core } from '../../electron/core/types.js';

const CASES_PER_CHANNEL = 200;
const UNKNOWN_ARTICLE = 'ffffffffffffffff';
const UNKNOWN_ANNOTATION = 'no-such-annotation';
const UNKNOWN_JOB = 'no-such-job-0000';

/** An object nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Own "__proto__" / "constructor" keys, as JSON.parse makes them (an object literal would not). */
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"id": "0123456789abcdef", "__proto__": {"polluted": true}}'),
  JSON.parse('{"prototype": {"polluted": true}, "files": []}'),
];

const HUGE = 'x'.repeat(1_000_000);
const strange = fc.constantFrom<unknown>(NaN, -1, -0, Infinity, -Infinity, 1e308, Number.MAX_SAFE_INTEGER + 2, '', HUGE, null, undefined, true, [], {}, nested(10_000), () => 1, Symbol('s'), 10n);

/** A payload of roughly the right shape: the channel's keys, each with a wrong or strange value. */
function wrongValues(keys: readonly string[]): fc.Arbitrary<unknown> {
  if (keys.length === 0) return fc.constant({ unexpected: 1 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(strange, fc.anything())])), { requiredKeys: [] });
}

/** Top-level keys a channel's input object declares (none for non-object schemas). */
function keysOf(channel: Channel): string[] {
  const schema = contract[channel].input as unknown as { shape?: Record<string, unknown>; options?: Array<{ shape?: Record<string, unknown> }> };
  if (schema.shape) return Object.keys(schema.shape);
  return [...new Set((schema.options ?? []).flatMap((o) => Object.keys(o.shape ?? {})))];
}

function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const keys = keysOf(channel);
  return fc
    .oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 }),
      wrongValues(keys),
      strange,
      fc.constantFrom(...POLLUTERS),
      // A key too many on an otherwise empty object, and a known key beside an unknown one.
      fc.record({ extra: fc.anything() }).map((o) => ({ ...o, [keys[0] ?? 'id']: UNKNOWN_ARTICLE })),
    )
    .filter((input) => !contract[channel].input.safeParse(input).success);
}

/** Well-formed input naming things this review does not have. */
const UNKNOWN_IDS: Partial<Record<Channel, unknown>> = {
  'articles.get': { id: UNKNOWN_ARTICLE },
  'articles.delete': { id: UNKNOWN_ARTICLE },
  'articles.update': { id: UNKNOWN_ARTICLE, changes: { title: 'New title' } },
  'articles.attach': { id: UNKNOWN_ARTICLE, file: { fileName: 'a.txt', base64: base64('text') } },
  'annotations.list': { articleId: UNKNOWN_ARTICLE },
  'annotations.update': { id: UNKNOWN_ANNOTATION, body: { type: 'note', text: 'x' } },
  'annotations.delete': { id: UNKNOWN_ANNOTATION },
  'jobs.status': { jobId: UNKNOWN_JOB },
  'jobs.result': { jobId: UNKNOWN_JOB },
  'jobs.cancel': { jobId: UNKNOWN_JOB },
  'study.get': { articleId: UNKNOWN_ARTICLE },
  'suggestions.list': { articleId: UNKNOWN_ARTICLE },
  'suggestions.accept': { articleId: UNKNOWN_ARTICLE, key: 'k' },
  'suggestions.reject': { articleId: UNKNOWN_ARTICLE, key: 'k' },
  'templates.create': { name: 'Copy', copyOf: 'no-such-template' },
  'duplicates.resolve': { a: UNKNOWN_ARTICLE, b: 'eeeeeeeeeeeeeeee', action: 'not-duplicate' },
  'discrepancies.review': { id: UNKNOWN_ANNOTATION, action: 'confirm' },
  'studies.update': { action: 'confirm', groupId: 'no-such-group' },
};

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listTree(dir)) {
    if (rel.endsWith('/') || rel === '.evidentia.lock') continue;
    out[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
  }
  return out;
}

async function rejection(call: () => Promise<unknown>): Promise<EvidentiaError | unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return null;
}

/** The error code of a call: thrown, or (articles.attach) reported in the ImportOutcome it returns. */
async function errorCodeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    const value = (await call()) as { status?: string; error?: { code?: string } | null } | null;
    return value?.status === 'failed' ? `failed outcome: ${value.error?.code}` : 'resolved';
  } catch (error) {
    return error instanceof EvidentiaError ? error.code : `not an EvidentiaError: ${String(error)}`;
  }
}

async function reviewWithAnArticle(): Promise<{ dir: string; core: Core }> {
  const review = await newReview();
  await review.core['articles.import']({ files: [{ fileName: 'report.txt', base64: base64('A report\n\nThe mean change was -9.36.\n') }] });
  return review;
}

describe('every contract channel under malformed input', () => {
  it('rejects it with bad-input, in the core and in dispatch, and the review stays unchanged', async () => {
    const { dir, core } = await reviewWithAnArticle();
    const before = await snapshot(dir);
    const counts: string[] = [];
    for (const channel of CHANNELS) {
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(malformed(channel), async (input) => {
          cases++;
          const error = await rejection(() => (core[channel] as (i: unknown) => Promise<unknown>)(input));
          expect(error).toBeInstanceOf(EvidentiaError);
          expect((error as EvidentiaError).code).toBe('bad-input');
          expect((error as EvidentiaError).message).toMatch(new RegExp(`^Invalid input for ${channel.replace('.', '\\.')}`));
          const result = await dispatch(core, channel, input);
          expect(result.ok ? 'ok' : result.error.code).toBe('bad-input');
        }),
        { numRuns: CASES_PER_CHANNEL, seed: 20261122 },
      );
      counts.push(`${channel}=${cases}`);
    }
    console.log(`channel fuzz: ${CHANNELS.length} channels, cases per channel: ${counts.join(' ')}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot(dir)).toEqual(before);

    await core.close();
    const reopened = await openTest(dir);
    expect((await reopened['review.info']({})).articleCount).toBe(1);
  });

  it('answers well-formed calls naming unknown ids with not-found, writing nothing', async () => {
    const { dir, core } = await reviewWithAnArticle();
    const before = await snapshot(dir);
    const codes: Record<string, string> = {};
    for (const [channel, input] of Object.entries(UNKNOWN_IDS) as Array<[Channel, unknown]>) {
      expect(contract[channel].input.safeParse(input).success, `${channel}: the example must be well-formed`).toBe(true);
      codes[channel] = await errorCodeOf(() => (core[channel] as (i: unknown) => Promise<unknown>)(input));
    }
    // articles.attach reports per file, as articles.import does: a failed outcome rather than a throw.
    const expected = Object.fromEntries(Object.keys(UNKNOWN_IDS).map((c) => [c, c === 'articles.attach' ? 'failed outcome: not-found' : 'not-found']));
    expect(codes).toEqual(expected);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('answers an unknown channel name with not-found', async () => {
    const { core } = await newReview();
    for (const name of ['articles.nope', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const result = await dispatch(core, name, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
    }
  });
});
