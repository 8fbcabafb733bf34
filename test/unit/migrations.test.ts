import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_FILE_MIGRATIONS,
  ARTICLE_MIGRATIONS,
  AUDIT_ENTRY_MIGRATIONS,
  SETTINGS_MIGRATIONS,
  REVIEW_MIGRATIONS,
  defineMigrations,
  migrate,
  type Migration,
} from '../../shared/migrations/index.js';
import { EvidentiaError } from '../../shared/result.js';

const step = (from: number, to: number, description = `v${from} to v${to}`): Migration => ({
  from,
  to,
  description,
  apply: (data) => ({ ...data, schemaVersion: to, [`v${to}`]: true }),
});

describe('defineMigrations', () => {
  it('accepts the real lists (one per persisted file kind), each reading back to version 1 (review 3, article 2, annotation file 2, audit line 1, settings 1)', () => {
    const lists = [REVIEW_MIGRATIONS, ARTICLE_MIGRATIONS, ANNOTATION_FILE_MIGRATIONS, AUDIT_ENTRY_MIGRATIONS, SETTINGS_MIGRATIONS];
    expect(lists.map((l) => [l.current, l.oldest, l.steps.length])).toEqual([
      [3, 1, 2],
      [2, 1, 1],
      [2, 1, 1],
      [1, 1, 0],
      [1, 1, 0],
    ]);
  });

  it('accepts a contiguous list', () => {
    expect(() => defineMigrations({ kind: 'x', current: 3, oldest: 1, steps: [step(1, 2), step(2, 3)] })).not.toThrow();
  });

  it('refuses a gap, a wrong order, a jump, a missing step and an empty description', () => {
    expect(() => defineMigrations({ kind: 'x', current: 3, oldest: 1, steps: [step(2, 3), step(1, 2)] })).toThrow(/step 0 goes 2→3/);
    expect(() => defineMigrations({ kind: 'x', current: 3, oldest: 1, steps: [step(1, 3), step(3, 4)] })).toThrow(/expected 1→2/);
    expect(() => defineMigrations({ kind: 'x', current: 3, oldest: 1, steps: [step(1, 2)] })).toThrow(/expected 2 steps/);
    expect(() => defineMigrations({ kind: 'x', current: 2, oldest: 1, steps: [step(1, 2, ' ')] })).toThrow(/no description/);
    expect(() => defineMigrations({ kind: 'x', current: 0, oldest: 1, steps: [] })).toThrow(/oldest/);
  });
});

describe('migrate', () => {
  const list = defineMigrations({ kind: 'test file', current: 3, oldest: 1, steps: [step(1, 2), step(2, 3)] });

  it('applies every step from the file version up, without mutating the input', () => {
    const input = { schemaVersion: 1, keep: 'me' };
    const out = migrate(list, input, 'x.json');
    expect(out.data).toEqual({ schemaVersion: 3, keep: 'me', v2: true, v3: true });
    expect(out.fromVersion).toBe(1);
    expect(out.applied).toEqual(['v1 to v2', 'v2 to v3']);
    expect(input).toEqual({ schemaVersion: 1, keep: 'me' });
  });

  it('applies nothing to a current file', () => {
    const out = migrate(list, { schemaVersion: 3 }, 'x.json');
    expect(out.applied).toEqual([]);
  });

  it('refuses a file from a newer version with a clear error naming the file', () => {
    let error: unknown;
    try {
      migrate(REVIEW_MIGRATIONS, { schemaVersion: 7 }, '/tmp/r/review.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvidentiaError);
    expect((error as EvidentiaError).code).toBe('unsupported-type');
    expect((error as EvidentiaError).message).toMatch(/\/tmp\/r\/review\.json was written by a newer version of Evidentia/);
    expect((error as EvidentiaError).message).toMatch(/not changed/);
  });

  it('refuses data without a schemaVersion or that is not an object', () => {
    expect(() => migrate(list, { name: 'x' }, 'a.json')).toThrow(/a\.json is damaged: it has no schemaVersion/);
    expect(() => migrate(list, [1, 2], 'a.json')).toThrow(/does not hold a JSON object/);
    expect(() => migrate(list, { schemaVersion: 0 }, 'a.json')).toThrow(/older than/);
  });

  it('catches a step that forgets to bump the version', () => {
    const bad = defineMigrations({
      kind: 'bad',
      current: 2,
      oldest: 1,
      steps: [{ from: 1, to: 2, description: 'forgets', apply: (d) => ({ ...d }) }],
    });
    expect(() => migrate(bad, { schemaVersion: 1 }, 'b.json')).toThrow(/returned schemaVersion 1/);
  });
});
