import { describe, expect, it } from 'vitest';
import type { Template, TemplateField } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { defaultTemplate } from '../../shared/templates/default-template.js';
import { reviseTemplate, templateIdFor, validateDraft, type TemplateDraft } from '../../shared/templates/revise.js';

const NOW = '2025-01-02T03:04:05.000Z';
const LATER = '2025-02-03T04:05:06.000Z';

function field(key: string, extra: Partial<TemplateField> = {}): TemplateField {
  return { key, label: key.toUpperCase(), kind: 'text', help: '', required: false, options: [], retired: false, ...extra };
}

function small(): Template {
  return {
    id: 'small',
    name: 'Small',
    version: 1,
    updated: NOW,
    sections: [
      { key: 'study', title: 'Study', level: 'study', fields: [field('design')] },
      { key: 'outcomes', title: 'Outcomes', level: 'outcome', fields: [field('outcome'), field('unit'), field('value')] },
    ],
  };
}

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EvidentiaError);
    expect((error as EvidentiaError).code).toBe('bad-input');
    return (error as Error).message;
  }
  throw new Error('expected a bad-input error');
}

describe('reviseTemplate', () => {
  it('bumps the version, stamps the time and takes the new name and fields', () => {
    const current = small();
    const draft: TemplateDraft = { ...current, name: 'Renamed' };
    draft.sections[1]!.fields.push(field('risk_of_bias', { kind: 'single', options: ['Low', 'High'] }));
    const next = reviseTemplate(current, draft, LATER);
    expect(next).toMatchObject({ id: 'small', name: 'Renamed', version: 2, updated: LATER });
    expect(next.sections[1]!.fields.map((f) => f.key)).toEqual(['outcome', 'unit', 'value', 'risk_of_bias']);
    expect(current.version).toBe(1); // the input is not changed
  });

  it('keeps a field left out of the draft as retired in its old section, never dropping it', () => {
    const current = small();
    const draft: TemplateDraft = {
      id: 'small',
      name: 'Small',
      sections: [current.sections[0]!, { ...current.sections[1]!, fields: [field('outcome'), field('value')] }],
    };
    const next = reviseTemplate(current, draft, LATER);
    const outcomes = next.sections.find((s) => s.key === 'outcomes')!;
    expect(outcomes.fields.map((f) => [f.key, f.retired])).toEqual([
      ['outcome', false],
      ['value', false],
      ['unit', true],
    ]);
  });

  it('brings back a removed section holding only its retired fields', () => {
    const current = small();
    const next = reviseTemplate(current, { id: 'small', name: 'Small', sections: [current.sections[1]!] }, LATER);
    expect(next.sections).toHaveLength(2);
    expect(next.sections[1]).toMatchObject({ key: 'study', level: 'study', fields: [{ key: 'design', retired: true }] });
  });

  it('keeps a field the draft marks retired where it is, and lets a retired field be restored', () => {
    const current = small();
    const retired = reviseTemplate(current, { id: 'small', name: 'Small', sections: [current.sections[0]!, { ...current.sections[1]!, fields: [field('outcome'), field('unit', { retired: true }), field('value')] }] }, LATER);
    expect(retired.sections[1]!.fields.map((f) => [f.key, f.retired])).toEqual([
      ['outcome', false],
      ['unit', true],
      ['value', false],
    ]);
    const restored = reviseTemplate(retired, { id: 'small', name: 'Small', sections: small().sections }, LATER);
    expect(restored.version).toBe(3);
    expect(restored.sections[1]!.fields.every((f) => !f.retired)).toBe(true);
  });

  it('refuses a draft for another template', () => {
    expect(badInput(() => reviseTemplate(small(), { ...small(), id: 'other' }, LATER))).toMatch(/ids differ/);
  });

  it('revises the default template: removing Unit retires it', () => {
    const current = defaultTemplate(NOW);
    const sections = current.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.key !== 'unit') }));
    const next = reviseTemplate(current, { id: current.id, name: current.name, sections }, LATER);
    expect(next.version).toBe(2);
    expect(next.sections[1]!.fields.find((f) => f.key === 'unit')).toMatchObject({ retired: true, label: 'Unit' });
  });
});

describe('validateDraft', () => {
  const draftWith = (outcomeFields: TemplateField[], studyFields: TemplateField[] = []): TemplateDraft => ({
    id: 't',
    name: 'T',
    sections: [
      { key: 'study', title: 'Study', level: 'study', fields: studyFields },
      { key: 'outcomes', title: 'Outcomes', level: 'outcome', fields: outcomeFields },
    ],
  });

  it('accepts the default template', () => {
    expect(() => validateDraft(defaultTemplate(NOW))).not.toThrow();
  });

  it('refuses two fields of one level with the same key, but allows the same key at another level', () => {
    expect(badInput(() => validateDraft(draftWith([field('a'), field('a')])))).toMatch(/two outcome-level fields share the key "a"/);
    expect(() => validateDraft(draftWith([field('a')], [field('a')]))).not.toThrow();
  });

  it('refuses two sections with one key', () => {
    const draft = draftWith([field('a')]);
    draft.sections[0]!.key = 'outcomes';
    expect(badInput(() => validateDraft(draft))).toMatch(/two sections share the key "outcomes"/);
  });

  it('refuses an active choice field without options, and repeated options', () => {
    expect(badInput(() => validateDraft(draftWith([field('rob', { label: 'Risk', kind: 'single' })])))).toMatch(/"Risk" has no options/);
    expect(() => validateDraft(draftWith([field('a'), field('rob', { kind: 'multiple', retired: true })]))).not.toThrow();
    expect(badInput(() => validateDraft(draftWith([field('rob', { label: 'Risk', kind: 'single', options: ['Low', 'Low'] })])))).toMatch(/lists an option twice/);
  });

  it('needs at least one active outcome-level field', () => {
    expect(badInput(() => validateDraft(draftWith([field('a', { retired: true })], [field('b')])))).toMatch(/at least one outcome-level field/);
  });

  it('names every problem in one message', () => {
    const message = badInput(() => validateDraft(draftWith([field('a'), field('a'), field('c', { label: 'C', kind: 'single' })])));
    expect(message).toMatch(/share the key "a".*"C" has no options/);
  });
});

describe('templateIdFor', () => {
  it('slugs the name and avoids taken ids', () => {
    expect(templateIdFor('Risk of Bias (RoB 2)', new Set())).toBe('risk-of-bias-rob-2');
    expect(templateIdFor('Trial outcomes', new Set(['trial-outcomes', 'trial-outcomes-2']))).toBe('trial-outcomes-3');
    expect(templateIdFor('Études', new Set())).toBe('etudes');
    expect(templateIdFor('!!!', new Set())).toBe('template');
  });
});
