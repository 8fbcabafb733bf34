import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../shared/templates/default-template.js';
import { activeFields, hiddenValues, mergeValues, missingRequired, parseTags } from '../../shared/templates/form-values.js';

const template = defaultTemplate('2026-01-01T00:00:00.000Z');
const outcomes = template.sections.find((s) => s.level === 'outcome')!;
outcomes.fields.find((f) => f.key === 'unit')!.retired = true;

describe('form values', () => {
  it('shows only active fields and names the required ones still empty', () => {
    expect(activeFields(template, 'outcome').map((f) => f.key)).not.toContain('unit');
    expect(missingRequired(template, 'outcome', { outcome: 'CDASI-A', value: '  ' })).toEqual(['Value']);
    expect(missingRequired(template, 'outcome', { outcome: 'CDASI-A', value: '−9.36' })).toEqual([]);
  });

  it('keeps retired and unknown keys on save, replaces shown ones and drops emptied ones', () => {
    const stored = { outcome: 'Old', unit: 'points', legacy: 'x', arm: 'IVIg' };
    const merged = mergeValues(template, 'outcome', stored, { outcome: 'New', arm: '' });
    expect(merged).toEqual({ outcome: 'New', unit: 'points', legacy: 'x' });
    expect(hiddenValues(template, 'outcome', stored).map((h) => [h.key, h.label])).toEqual([
      ['unit', 'Unit'],
      ['legacy', 'legacy'],
    ]);
  });

  it('reads tags typed as "a; b"', () => {
    expect(parseTags(' a; b ;; a ')).toEqual(['a', 'b']);
  });
});
