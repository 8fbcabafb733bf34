/** Search terms: tokenising and folding (shared by index, queries and snippets) and query parsing. */
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WORDS, parseQuery } from '../../electron/core/search/query';
import { indexTerms, MAX_TERM_LENGTH, termSpans } from '../../electron/core/search/tokens';

describe('indexTerms', () => {
  it('folds case and accents, keeps decimals whole, splits on everything else', () => {
    expect(indexTerms('Bata-Csörgő: CDASI−A change −9.36 (95% CI, 0.57–0.89); Café')).toEqual([
      'bata', 'csorgo', 'cdasi', 'a', 'change', '9.36', '95', 'ci', '0.57', '0.89', 'cafe',
    ]);
  });

  it('keeps a decomposed accent inside its word and ends a sentence before its full stop', () => {
    expect(indexTerms('cafe\u0301s in 2022. Results')).toEqual(['cafes', 'in', '2022', 'results']);
  });

  it('drops words too long to be words', () => {
    expect(indexTerms(`ok ${'x'.repeat(MAX_TERM_LENGTH + 1)} fine`)).toEqual(['ok', 'fine']);
  });
});

describe('termSpans', () => {
  it('gives folded terms with offsets into the original text', () => {
    const text = 'The Müller trial';
    expect([...termSpans(text)].map((s) => [s.term, text.slice(s.start, s.end)])).toEqual([
      ['the', 'The'],
      ['muller', 'Müller'],
      ['trial', 'trial'],
    ]);
  });
});

describe('parseQuery', () => {
  it('all words, the last one as a prefix while it is being typed', () => {
    expect(parseQuery('Placebo MORT')).toEqual({ words: ['placebo', 'mort'], prefix: true });
    expect(parseQuery('placebo mortality ')).toEqual({ words: ['placebo', 'mortality'], prefix: false });
    expect(parseQuery('placebo,')).toEqual({ words: ['placebo'], prefix: false });
  });

  it('finds nothing to search in blanks or symbols', () => {
    for (const q of ['', '   ', '"', '*** ()', '\u0000', '—']) expect(parseQuery(q)).toBeNull();
  });

  it('treats quotes and operators as separators, never as syntax', () => {
    expect(parseQuery('"ivig" AND (derm*) -placebo')).toEqual({ words: ['ivig', 'and', 'derm', 'placebo'], prefix: true });
  });

  it('keeps the word being typed last, without repeats, and caps the word count', () => {
    expect(parseQuery('mort placebo mort')).toEqual({ words: ['placebo', 'mort'], prefix: true });
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(many)!.words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS + 1);
    expect(parseQuery(many)!.words.at(-1)).toBe('w39');
  });

  it('keeps a very long word (so it finds nothing rather than being ignored)', () => {
    const long = 'y'.repeat(400);
    expect(parseQuery(`trial ${long}`)).toEqual({ words: ['trial', long], prefix: true });
  });
});
