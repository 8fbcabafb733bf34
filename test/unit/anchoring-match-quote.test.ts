import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../shared/anchoring/match-quote.js';

/** A fixed passage in the style of a trial report (self-written). */
const PASSAGE = [
  'Methods. Adults with active dermatomyositis were randomised to intravenous immunoglobulin (IVIg)',
  '2 g/kg every 4 weeks or placebo. The primary end point was response at week 16.',
  'Results. At week 16, the mean change in CDASI activity score was −9.36 with IVIg and −1.16 with',
  'placebo. A response occurred in 79% of patients in the IVIg group and in 44% of those in the',
  'placebo group. Serious adverse events were reported in 12 patients.',
].join('\n');

function slice(text: string, m: { start: number; end: number } | null): string | null {
  return m === null ? null : text.slice(m.start, m.end);
}

describe('matchQuote', () => {
  it('finds a verbatim quote exactly', () => {
    const quote = 'the mean change in CDASI activity score';
    const m = matchQuote(PASSAGE, quote);
    expect(m?.method).toBe('exact');
    expect(m?.start).toBe(PASSAGE.indexOf(quote));
    expect(m?.errors).toBe(0);
  });

  it('finds the quote after text was inserted before it (shifted position hint)', () => {
    const quote = 'A response occurred in 79% of patients';
    const oldStart = PASSAGE.indexOf(quote);
    const shifted = 'Abstract. A long new summary paragraph was added at the top.\n\n' + PASSAGE;
    const m = matchQuote(shifted, quote, { hint: oldStart });
    expect(slice(shifted, m)).toBe(quote);
  });

  it('uses prefix and suffix to pick between two occurrences, even against the position hint', () => {
    const quote = 'placebo';
    const second = PASSAGE.indexOf('placebo group');
    const m = matchQuote(PASSAGE, quote, {
      prefix: 'the IVIg group and in 44% of those in the\n',
      suffix: ' group. Serious adverse',
      hint: PASSAGE.indexOf('placebo'), // the first occurrence
    });
    expect(m?.start).toBe(second);
  });

  it('without context, prefers the occurrence nearest the hint', () => {
    const occurrences = [...PASSAGE.matchAll(/IVIg/g)].map((x) => x.index);
    const m = matchQuote(PASSAGE, 'IVIg', { hint: occurrences[2]! + 3 });
    expect(m?.start).toBe(occurrences[2]);
  });

  it('survives re-wrapped lines and doubled spaces (whitespace-insensitive)', () => {
    const rewrapped = PASSAGE.replace(/\n/g, ' ').replace('was −9.36 with', 'was  −9.36\nwith');
    const quote = 'score was −9.36 with IVIg and −1.16 with\nplacebo';
    const m = matchQuote(rewrapped, quote);
    expect(m?.method).toBe('normalised');
    expect(slice(rewrapped, m)).toBe('score was  −9.36\nwith IVIg and −1.16 with placebo');
  });

  it('matches across NFKC differences: ligatures, NBSP, U+2212 minus vs hyphen-minus', () => {
    const typeset = 'The eﬀect was signiﬁcant:\u00a0−9.36 points (95%\u00a0CI −12.1 to −6.6).';
    const quote = 'The effect was significant: -9.36 points (95% CI -12.1 to -6.6)';
    const m = matchQuote(typeset, quote);
    expect(m?.method).toBe('normalised');
    expect(slice(typeset, m)).toBe('The eﬀect was signiﬁcant:\u00a0−9.36 points (95%\u00a0CI −12.1 to −6.6)');
  });

  it('tolerates small typos in a long enough quote (fuzzy)', () => {
    const quote = 'Serious adverse events were reported in 12 patients';
    const edited = PASSAGE.replace('Serious adverse events were reported', 'Serius adverse event were reportd');
    const m = matchQuote(edited, quote, { prefix: 'placebo group. ' });
    expect(m?.method).toBe('fuzzy');
    expect(m?.errors).toBeGreaterThan(0);
    expect(slice(edited, m)).toBe('Serius adverse event were reportd in 12 patients');
  });

  it('does not fuzzy-match when a number in the quote changed', () => {
    const edited = PASSAGE.replace('in 12 patients', 'in 13 patients');
    expect(matchQuote(edited, 'Serious adverse events were reported in 12 patients')).toBeNull();
  });

  it('does not fuzzy-match short quotes (another value is not a typo)', () => {
    expect(matchQuote(PASSAGE, '−9.35')).toBeNull();
  });

  it('returns null for a deleted quote', () => {
    const quote = 'A response occurred in 79% of patients in the IVIg group';
    const deleted = PASSAGE.replace(/A response occurred[^.]*\./, '');
    expect(matchQuote(deleted, quote, { hint: PASSAGE.indexOf(quote) })).toBeNull();
  });

  it('prefers a weaker fuzzy match at the expected place when context confirms it', () => {
    const quote = 'the primary end point was response at week 16';
    // Two damaged copies: far one has 1 error, near one has 2 errors but the right context.
    const far = 'Earlier study: the primary end point was respnse at week 16 in that trial.';
    const near = 'Design. In this trial the primry end pont was response at week 16; secondary end points followed.';
    // Filler of words, not spaces: whitespace vanishes in the normalised text.
    const filler = ' Unrelated discussion of baseline characteristics.'.repeat(100);
    const text = far + filler + ' ' + near;
    const m = matchQuote(text, quote, {
      prefix: 'Design. In this trial ',
      suffix: '; secondary end points',
      hint: text.indexOf('the primry'),
    });
    expect(m?.start).toBe(text.indexOf('the primry'));
  });

  it('returns null for an empty quote or a quote of only whitespace', () => {
    expect(matchQuote(PASSAGE, '')).toBeNull();
    expect(matchQuote(PASSAGE, ' \n ')).toBeNull();
  });
});
