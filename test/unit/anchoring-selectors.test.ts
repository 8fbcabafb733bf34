import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, pageOfSelector } from '../../shared/anchoring/selectors.js';
import { joinPages } from '../../shared/anchoring/pdf-text.js';
import type { Selector } from '../../shared/model/index.js';

const TEXT =
  'Background. Dermatomyositis is a rare inflammatory disease of muscle and skin. ' +
  'Results. The mean change in CDASI activity score was −9.36 with IVIg and −1.16 with placebo. ' +
  'A response occurred in 79% of the IVIg group and 44% of the placebo group. ' +
  'Discussion. The response in the IVIg group was durable.';

function span(text: string, quote: string, from = 0): [number, number] {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return [start, start + quote.length];
}

function quoteOf(selectors: Selector[]) {
  const q = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!q || q.type !== 'TextQuoteSelector') throw new Error('no quote selector');
  return q;
}

suite('describe', () => {
  it('builds a quote selector with 32 characters of context and a position selector', () => {
    const [start, end] = span(TEXT, 'was −9.36 with IVIg');
    const selectors = describe(TEXT, start, end, []);
    const q = quoteOf(selectors);
    expect(q.exact).toBe('was −9.36 with IVIg');
    expect(q.prefix).toBe(TEXT.slice(start - 32, start));
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix).toBe(TEXT.slice(end, end + 32));
    expect(selectors).toContainEqual({ type: 'TextPositionSelector', start, end });
    expect(selectors.some((s) => s.type === 'FragmentSelector')).toBe(false);
  });

  it('truncates context at the ends of the text', () => {
    const q = quoteOf(describe(TEXT, 0, 11, []));
    expect(q.prefix).toBe('');
    expect(q.exact).toBe('Background.');
  });

  it('adds a page FragmentSelector for paged (PDF) articles', () => {
    const { text, pages } = joinPages(['Page one text.', 'Page two holds the outcome −9.36.', 'Page three.']);
    const [start, end] = span(text, 'outcome −9.36');
    const fragment = describe(text, start, end, pages).find((s) => s.type === 'FragmentSelector');
    expect(fragment).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' });
    expect(fragment && fragment.type === 'FragmentSelector' ? pageOfSelector(fragment) : null).toBe(2);
  });

  it('never splits a surrogate pair in the context', () => {
    const text = '\u{1f600}'.repeat(20) + 'quote here';
    const [start, end] = span(text, 'quote');
    const q = quoteOf(describe(text, start, end, []));
    expect(q.prefix.length % 2).toBe(0);
    expect(q.prefix.startsWith('\u{1f600}')).toBe(true);
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describe(TEXT, 5, 5, [])).toThrow(RangeError);
    expect(() => describe(TEXT, 0, TEXT.length + 1, [])).toThrow(RangeError);
  });
});

suite('anchor', () => {
  const [start, end] = span(TEXT, 'A response occurred in 79% of the IVIg group');
  const selectors = describe(TEXT, start, end, []);

  it('accepts the stored position when the text there still equals the quote', () => {
    expect(anchor(TEXT, selectors, [])).toEqual({ status: 'exact', start, end, page: null });
  });

  it('re-anchors by quote after text is inserted before it', () => {
    const shifted = 'Editor’s note: this article was updated on 3 May.\n' + TEXT;
    const a = anchor(shifted, selectors, []);
    expect(a.status).toBe('fuzzy');
    if (a.status === 'orphan') throw new Error('orphaned');
    expect(shifted.slice(a.start, a.end)).toBe('A response occurred in 79% of the IVIg group');
  });

  it('re-anchors across line-break and whitespace changes', () => {
    const rewrapped = TEXT.replace('A response occurred in', 'A response\noccurred  in');
    const a = anchor(rewrapped, selectors, []);
    if (a.status === 'orphan') throw new Error('orphaned');
    expect(rewrapped.slice(a.start, a.end)).toBe('A response\noccurred  in 79% of the IVIg group');
  });

  it('re-anchors across NFKC differences (NBSP, ligature, minus sign)', () => {
    const [s, e] = span(TEXT, 'score was −9.36 with IVIg');
    const sel = describe(TEXT, s, e, []);
    const retyped = TEXT.replace('score was −9.36', 'score\u00a0was -9.36').replace('inflammatory', 'inﬂammatory');
    const a = anchor(retyped, sel, []);
    if (a.status === 'orphan') throw new Error('orphaned');
    expect(retyped.slice(a.start, a.end)).toBe('score\u00a0was -9.36 with IVIg');
  });

  it('uses the context to choose between two occurrences of the quote', () => {
    const [s, e] = span(TEXT, 'the IVIg group', TEXT.indexOf('Discussion'));
    const sel = describe(TEXT, s, e, []);
    // A long insertion between the two occurrences leaves the stored position nearer the first one,
    // so only the context can point at the second.
    const shifted = TEXT.replace('Discussion.', 'Safety. ' + 'No new safety signals were seen. '.repeat(10) + 'Discussion.');
    const first = shifted.indexOf('the IVIg group');
    const second = shifted.indexOf('the IVIg group', shifted.indexOf('Discussion'));
    expect(Math.abs(first - s)).toBeLessThan(Math.abs(second - s));
    const a = anchor(shifted, sel, []);
    if (a.status === 'orphan') throw new Error('orphaned');
    expect(a.start).toBe(second);
  });

  it('re-anchors a quote with small typos introduced by a re-extraction', () => {
    const typo = TEXT.replace('A response occurred in 79% of the IVIg group', 'A respnse ocurred in 79% of the IVIg gruop');
    const a = anchor(typo, selectors, []);
    if (a.status === 'orphan') throw new Error('orphaned');
    expect(typo.slice(a.start, a.end)).toBe('A respnse ocurred in 79% of the IVIg gruop');
  });

  it('returns an orphan when the quote was deleted', () => {
    const deleted = TEXT.replace('A response occurred in 79% of the IVIg group and 44% of the placebo group. ', '');
    expect(anchor(deleted, selectors, [])).toEqual({ status: 'orphan' });
  });

  it('returns an orphan when the selectors hold no quote', () => {
    expect(anchor(TEXT, [{ type: 'TextPositionSelector', start, end }], [])).toEqual({ status: 'orphan' });
  });

  it('reports the page of the anchor for PDFs, searching from the stored page', () => {
    const before = joinPages(['Intro page.', 'Outcome: CDASI change −9.36 at week 16.']);
    const [s, e] = span(before.text, 'CDASI change −9.36');
    const sel = describe(before.text, s, e, before.pages);
    // A new extraction adds a page in front: the quote moves to page 3.
    const after = joinPages(['Cover page.', 'Intro page.', 'Outcome: CDASI change −9.36 at week 16.']);
    const a = anchor(after.text, sel, after.pages);
    expect(a).toMatchObject({ status: 'fuzzy', page: 3 });
    expect(anchor(before.text, sel, before.pages)).toEqual({ status: 'exact', start: s, end: e, page: 2 });
  });

  it('ignores a stored position past the end of a shortened text', () => {
    const short = TEXT.slice(0, 40);
    expect(anchor(short, selectors, [])).toEqual({ status: 'orphan' });
  });
});
