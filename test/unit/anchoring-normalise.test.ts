import { describe, expect, it } from 'vitest';
import { normalise, normaliseString, toNormalisedOffset, toOriginalRange } from '../../shared/anchoring/normalise.js';

describe('normalise', () => {
  it('collapses whitespace runs (spaces, tabs, line breaks, NBSP) to one space and trims', () => {
    expect(normaliseString('  mean\u00a0change \n\t in  CDASI-A  ')).toBe('mean change in CDASI-A');
  });

  it('removes whitespace entirely in remove mode', () => {
    expect(normaliseString('mean change\nin CDASI', 'remove')).toBe('meanchangeinCDASI');
  });

  it('expands ligatures and compatibility forms', () => {
    expect(normaliseString('signiﬁcant eﬀect, m²')).toBe('significant effect, m2');
  });

  it('folds the minus sign, dashes and curly quotes to ASCII', () => {
    expect(normaliseString('\u22129.36 \u2013 \u201cresponders\u201d \u2018n\u2019')).toBe('-9.36 - "responders" \'n\'');
  });

  it('treats precomposed and decomposed accents alike', () => {
    expect(normaliseString('caf\u00e9')).toBe(normaliseString('cafe\u0301'));
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(normaliseString('immuno\u00adglobulin\u200b therapy\ufeff')).toBe('immunoglobulin therapy');
  });

  it('maps every normalised character back to its original code point', () => {
    const original = 'a ﬁne\u00a0 day';
    const norm = normalise(original);
    expect(norm.text).toBe('a fine day');
    expect(norm.starts).toHaveLength(norm.text.length);
    // "fi" (normalised 2..4) comes from the single ligature at original 2..3
    expect(toOriginalRange(norm, 2, 4)).toEqual({ start: 2, end: 3 });
    // "day" maps back past the NBSP + space run
    const day = norm.text.indexOf('day');
    const back = toOriginalRange(norm, day, day + 3);
    expect(original.slice(back.start, back.end)).toBe('day');
  });

  it('keeps astral characters whole when mapping back', () => {
    const original = 'x \u{1d400}y';
    const norm = normalise(original);
    // MATHEMATICAL BOLD CAPITAL A folds to "A" under NFKD
    expect(norm.text).toBe('x Ay');
    expect(toOriginalRange(norm, 2, 3)).toEqual({ start: 2, end: 4 });
  });

  it('turns an original offset into the next normalised offset', () => {
    const norm = normalise('a  \n b', 'remove');
    expect(norm.text).toBe('ab');
    expect(toNormalisedOffset(norm, 0)).toBe(0);
    expect(toNormalisedOffset(norm, 2)).toBe(1);
    expect(toNormalisedOffset(norm, 99)).toBe(2);
  });

  it('rejects an empty or out-of-range normalised range', () => {
    const norm = normalise('abc');
    expect(() => toOriginalRange(norm, 1, 1)).toThrow(RangeError);
    expect(() => toOriginalRange(norm, 0, 4)).toThrow(RangeError);
  });
});
