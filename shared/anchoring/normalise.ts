/**
 * Text normalisation for quote matching. Re-extraction (a new pdf.js, a re-saved HTML page, a file
 * copied through a word processor) changes the *form* of text without changing what it says:
 * ligatures ("ﬁ"), non-breaking spaces, line breaks, curly quotes, U+2212 minus vs "-". Matching
 * runs on a normalised copy and maps hits back to the original offsets, so stored selectors always
 * refer to the real article text.
 *
 * Per code point: compatibility decomposition (NFKD), so "ﬁ" → "fi", "²" → "2", "é" and "e\u0301"
 * become the same sequence whichever form the source used (a per-code-point NFKC would not unify
 * them); then a few folds Unicode leaves alone (dashes, quotes); invisible characters are dropped.
 * Whitespace is collapsed to one space or removed, as the caller asks.
 */

export type WhitespaceMode = 'collapse' | 'remove';

export interface NormalisedText {
  text: string;
  /** For each UTF-16 unit of `text`: [start, end) of the original code point it came from. */
  starts: number[];
  ends: number[];
}

/** Characters that carry no visible content and come and go between extractions. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;

/** Folds beyond NFKD: the variants typesetting introduces for ASCII punctuation. */
const FOLDS: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign: "−9.36" in a PDF is "-9.36" in a text copy
  '\ufe63': '-',
  '\uff0d': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
};

const WHITESPACE = /\s/u;

/** Normalise one code point (not whitespace) to its comparable form, possibly empty. */
function foldCodePoint(cp: string): string {
  const direct = FOLDS[cp];
  if (direct !== undefined) return direct;
  const decomposed = cp.normalize('NFKD');
  let out = '';
  for (const ch of decomposed) out += FOLDS[ch] ?? ch;
  return out;
}

/**
 * Normalise `input` for matching. `collapse` turns every whitespace run into one space (and drops
 * leading/trailing whitespace); `remove` drops whitespace entirely, which also survives PDF
 * extractions that lose or add spaces between text items.
 */
export function normalise(input: string, whitespace: WhitespaceMode = 'collapse'): NormalisedText {
  const starts: number[] = [];
  const ends: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingSpace = -1; // original offset of the whitespace run waiting to become one space
  let offset = 0;
  while (offset < input.length) {
    const start = offset;
    const code = input.charCodeAt(offset);
    let folded: string;
    let isSpace: boolean;
    if (code < 0x80) {
      // ASCII fast path (most of any article): NFKD and the folds leave it unchanged.
      offset += 1;
      isSpace = code === 0x20 || (code >= 0x09 && code <= 0x0d);
      folded = isSpace ? '' : input[start]!;
    } else {
      const cp = String.fromCodePoint(input.codePointAt(offset)!);
      offset += cp.length;
      // Invisible first: JS's \s also matches U+FEFF, which is not a word break.
      if (INVISIBLE.test(cp)) continue;
      // \s covers NBSP, thin and ideographic spaces, line and paragraph separators.
      isSpace = WHITESPACE.test(cp);
      folded = isSpace ? '' : foldCodePoint(cp);
    }
    if (isSpace) {
      if (whitespace === 'collapse' && length > 0 && pendingSpace < 0) pendingSpace = start;
      continue;
    }
    if (folded.length === 0) continue;
    if (pendingSpace >= 0) {
      parts.push(' ');
      starts.push(pendingSpace);
      ends.push(pendingSpace + 1);
      length += 1;
      pendingSpace = -1;
    }
    parts.push(folded);
    length += folded.length;
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(offset);
    }
  }
  return { text: parts.join(''), starts, ends };
}

/**
 * The original [start, end) covered by the normalised range [start, end). Expanded characters
 * (a ligature split into two letters) map back to the whole original character.
 */
export function toOriginalRange(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || start < 0 || end > norm.text.length) throw new RangeError(`bad normalised range ${start}-${end}`);
  return { start: norm.starts[start]!, end: norm.ends[end - 1]! };
}

/** The normalised offset at or after the original `offset` (for turning a position hint around). */
export function toNormalisedOffset(norm: NormalisedText, offset: number): number {
  let lo = 0;
  let hi = norm.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Just the normalised string, for comparing two short strings. */
export function normaliseString(input: string, whitespace: WhitespaceMode = 'collapse'): string {
  return normalise(input, whitespace).text;
}
