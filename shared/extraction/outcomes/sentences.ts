/**
 * Sentence spans of an article's (normalised) text, in one linear pass. A sentence ends at a line
 * break, or at ". ", "! ", "? " (optionally after a closing quote or bracket) followed by something
 * that can open a sentence — never inside a decimal ("0.74"), nor after an abbreviation such as
 * "et al.", "vs.", "Fig.", "i.e.", "e.g.", "approx.", "No.", "Dr.".
 */

export interface Span {
  start: number;
  end: number;
}

/** Lower-cased words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'al', 'vs', 'v', 'fig', 'figs', 'i.e', 'e.g', 'ie', 'eg', 'cf', 'ca', 'approx', 'nos', 'ref', 'refs', 'dr', 'mr', 'mrs', 'prof',
  'resp', 'eq', 'eqs', 'tab', 'suppl', 'vol', 'pp', 'inc', 'ltd', 'corp', 'dept', 'univ', 'n.s',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'incl', 'excl',
]);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The word (letters and inner dots) that ends just before index `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && i > dot - 12 && /[A-Za-z.]/.test(text[i]!)) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

function endsSentenceAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  // what follows: optional closing quote/bracket, then whitespace, then an opener
  let j = i + 1;
  if (j < text.length && /["'\u2019\u201D)\]]/.test(text[j]!)) j++;
  if (j < text.length && !isSpace(text[j]) && text[j] !== '\n' && text[j] !== '\r') return false;
  while (j < text.length && isSpace(text[j])) j++;
  if (j >= text.length || text[j] === '\n' || text[j] === '\r') return true;
  const next = text[j]!;
  if (!/[A-Z0-9"'(\[\u2018\u201C\u2022-]/.test(next)) return false;
  if (c === '.') {
    const word = wordBefore(text, i);
    if (ABBREVIATIONS.has(word)) return false;
    // a single capital initial ("V. P. Werth")
    if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[i - 1]!)) return false;
  }
  return true;
}

/** Sentence spans covering the text's non-blank parts, trimmed of surrounding whitespace. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      push(i);
      start = i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && endsSentenceAt(text, i)) {
      let end = i + 1;
      if (end < text.length && /["'\u2019\u201D)\]]/.test(text[end]!)) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return spans;
}

/** Index of the sentence containing `pos` (binary search over sorted spans); -1 when none. */
export function sentenceIndexAt(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
