/** Snippets: the piece of text around the first match, cut at spaces, with the query words marked. */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../electron/core/search/query';
import { firstMatch, makeSnippet, SNIPPET_LENGTH, termMatcher } from '../../electron/core/search/snippet';
import { termSpans } from '../../electron/core/search/tokens';

const marked = (s: { text: string; marks: [number, number][] }) => s.marks.map(([a, b]) => s.text.slice(a, b));

describe('makeSnippet', () => {
  it('marks every query word in the snippet, whatever its case or accents', () => {
    const s = makeSnippet('In the Café trial, IVIg reduced the CDASI score. Ivig was well tolerated.', parseQuery('ivig cafe')!)!;
    expect(s.text).toBe('In the Café trial, IVIg reduced the CDASI score. Ivig was well tolerated.');
    expect(marked(s)).toEqual(['Café', 'IVIg', 'Ivig']);
  });

  it('marks words starting with the word being typed, but not a finished word inside another', () => {
    const s = makeSnippet('Mortality and mortal outcomes; immortal.', parseQuery('mort')!)!;
    expect(marked(s)).toEqual(['Mortality', 'mortal']);
    const whole = makeSnippet('Mortality and mortal outcomes; immortal.', parseQuery('mortal ')!)!;
    expect(marked(whole)).toEqual(['mortal']);
  });

  it('cuts about SNIPPET_LENGTH characters around the first match at spaces, with ellipses and blanks collapsed', () => {
    const before = 'alpha beta gamma delta '.repeat(20);
    const after = ' epsilon zeta eta theta'.repeat(20);
    const text = `${before}the\n\nplacebo  arm${after}`;
    const s = makeSnippet(text, parseQuery('placebo')!)!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text).toContain('the placebo arm');
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(s.text).not.toMatch(/\s{2}/);
    expect(s.text.slice(1, -1)).toMatch(/^\S.*\S$/); // no cut word at either end
    expect(marked(s)).toEqual(['placebo']);
    const at = s.text.indexOf('placebo');
    expect(s.marks).toEqual([[at, at + 'placebo'.length]]);
  });

  it('is null when the text does not hold a query word (the match was in the title)', () => {
    expect(makeSnippet('Nothing relevant here.', parseQuery('ivig')!)).toBeNull();
    expect(makeSnippet('', parseQuery('ivig')!)).toBeNull();
  });

  it('matches decimals whole', () => {
    const s = makeSnippet('Change was -9.36 (95% CI -12.52 to -6.19) versus -1.16.', parseQuery('9.36 ')!)!;
    expect(marked(s)).toEqual(['9.36']);
  });

  it('finds the first match where a scan of every term from the start finds it', () => {
    const scan = (text: string, q: string) => {
      const matches = termMatcher(parseQuery(q)!);
      for (const span of termSpans(text)) if (matches(span.term)) return span;
      return null;
    };
    const pieces = [
      'immortal', 'mortal', 'Mortality', 'x9.36', '19.36', '9.36', '9.365', 'a.9', 'Müller', 'MULLER', 'Mu\u0308ller', 'ﬁnal',
      'final', 'Σίσυφος', 'İstanbul', 'istanbul', '−12.52', 'mortalité', '(mortal)', 'mort-', 'émortal', '𝐌ortal', 'n=9.36,',
    ];
    const queries = ['mortal ', 'mort', '9.36 ', 'muller ', 'final ', 'istanbul', 'sisyfos', 'mortalite ', 'a.9 ', '9 '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 400; n++) {
      const words = Array.from({ length: 2 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]!);
      const text = words.join(next() < 0.5 ? ' ' : ' \n');
      for (const q of queries) {
        const parsed = parseQuery(q)!;
        expect(firstMatch(text, parsed.words, termMatcher(parsed)), `${q} in ${text}`).toEqual(scan(text, q));
      }
    }
  });
});
