import { describe, expect, it } from 'vitest';
import { slugify } from '../../shared/text/slug.js';
import { slug } from '../../electron/core/export/names.js';
import { templateIdFor } from '../../shared/templates/revise.js';

describe('slugify: the one rule for ids, keys and file names', () => {
  it('drops accents, folds the rest into one separator, trims both ends, caps the length', () => {
    expect(slugify('  Études — Œdème résiduel!  ', { fallback: 'x' })).toBe('etudes-deme-residuel') // Œ has no decomposition: it goes with the dash;
    expect(slugify('Risk of bias (RoB 2)', { separator: '_', fallback: 'x' })).toBe('risk_of_bias_rob_2');
    expect(slugify('a'.repeat(10) + ' ' + 'b'.repeat(10), { max: 11, fallback: 'x' })).toBe('aaaaaaaaaa');
    expect(slugify('***', { fallback: 'field' })).toBe('field');
  });

  it('is what export names and template ids use (accents included)', () => {
    expect(slug('Revue Études 2026')).toBe('revue-etudes-2026');
    expect(templateIdFor('Études', new Set(['etudes']))).toBe('etudes-2');
  });
});
