import { describe, expect, it } from 'vitest';
import type { Template } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { defaultTemplate } from '../../shared/templates/default-template.js';
import { changedKeys, checkValues, fieldsAt } from '../../shared/templates/values.js';

function template(): Template {
  const t = defaultTemplate('2025-01-01T00:00:00.000Z');
  t.sections[1]!.fields.push(
    { key: 'rob', label: 'Risk of bias', kind: 'single', help: '', required: false, options: ['Low', 'High'], retired: false },
    { key: 'domains', label: 'Domains', kind: 'multiple', help: '', required: false, options: ['D1', 'D2'], retired: false },
    { key: 'blinded', label: 'Blinded', kind: 'yesno', help: '', required: false, options: [], retired: false },
    { key: 'old', label: 'Old', kind: 'text', help: '', required: false, options: [], retired: true },
  );
  return t;
}

function message(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EvidentiaError);
    expect((error as EvidentiaError).code).toBe('bad-input');
    return (error as Error).message;
  }
  throw new Error('expected a bad-input error');
}

describe('fieldsAt', () => {
  it('lists the fields of one level, retired ones included', () => {
    const t = template();
    expect([...fieldsAt(t, 'study').keys()]).toEqual(['design', 'population', 'intervention', 'comparator', 'sample_size', 'funding']);
    expect(fieldsAt(t, 'outcome').get('old')).toMatchObject({ retired: true });
    expect(fieldsAt(t, 'outcome').has('design')).toBe(false);
  });
});

describe('checkValues', () => {
  it('accepts values of the right shape, kept as typed', () => {
    expect(() =>
      checkValues(template(), 'outcome', {
        value: '−9.36',
        p_value: '<0.001',
        n: '95',
        rob: 'Low',
        domains: ['D1', 'D2'],
        blinded: false,
        note: null,
        old: 'kept',
      }),
    ).not.toThrow();
    expect(() => checkValues(template(), 'outcome', { rob: '', domains: [] })).not.toThrow();
  });

  it('refuses shapes that do not fit the kind', () => {
    expect(message(() => checkValues(template(), 'outcome', { value: true }))).toBe('"Value" takes text.');
    expect(message(() => checkValues(template(), 'outcome', { blinded: 'yes' }))).toBe('"Blinded" takes yes or no.');
    expect(message(() => checkValues(template(), 'outcome', { rob: ['Low'] }))).toBe('"Risk of bias" takes one choice.');
    expect(message(() => checkValues(template(), 'outcome', { domains: 'D1' }))).toBe('"Domains" takes a list of choices.');
  });

  it('refuses choices that are not offered, and unknown keys, naming each', () => {
    const text = message(() => checkValues(template(), 'outcome', { rob: 'Medium', domains: ['D1', 'D9'], colour: 'red' }));
    expect(text).toContain('"Medium" is not a choice of "Risk of bias"');
    expect(text).toContain('"D9" is not a choice of "Domains"');
    expect(text).toContain('"colour" is not an outcome-level field of "Trial outcomes"');
  });

  it('checks a level on its own: a study field is unknown at the outcome level', () => {
    expect(() => checkValues(template(), 'study', { design: 'Cohort', sample_size: '95' })).not.toThrow();
    expect(message(() => checkValues(template(), 'outcome', { design: 'Cohort' }))).toMatch(/"design" is not an outcome-level field/);
  });

  it('checks only the changed keys, so a value from before an option was renamed stays storable', () => {
    const values = { rob: 'Moderate', outcome: 'Pain' };
    expect(() => checkValues(template(), 'outcome', values, ['outcome'])).not.toThrow();
    expect(() => checkValues(template(), 'outcome', values, ['rob'])).toThrow(EvidentiaError);
  });
});

describe('changedKeys', () => {
  it('finds added, removed and changed keys, treating a missing key as null', () => {
    const before = { a: '1', b: ['x'], c: true, d: null };
    const after = { a: '1', b: ['x', 'y'], e: 'new' };
    expect(changedKeys(before, after).sort()).toEqual(['b', 'c', 'e']);
    expect(changedKeys({}, {})).toEqual([]);
  });
});
