/**
 * What a search box string asks for: every word must match (AND), and the last one may be the start
 * of a word while the person is still typing it ("placebo mort" finds "mortality"). Anything typed
 * after the last word (a space, a comma) means it is finished and must match whole. Quotes,
 * operators and symbols are not syntax here, they only separate words, so no input can fail.
 */
import { termSpans } from './tokens.js';

/** More words than this add nothing but work (a pasted paragraph): the rest are ignored. */
export const MAX_QUERY_WORDS = 12;

export interface ParsedQuery {
  /** Folded terms, without repeats, in the order typed. A word too long to be indexed is kept: it finds nothing. */
  words: string[];
  /** True when the last word is matched as the start of a word. */
  prefix: boolean;
}

/** null when the query has no word at all (empty, blanks, only symbols): it finds nothing. */
export function parseQuery(input: string): ParsedQuery | null {
  const words: string[] = [];
  let last: string | null = null;
  for (const { term } of termSpans(input)) {
    last = term;
    if (!words.includes(term) && words.length < MAX_QUERY_WORDS) words.push(term);
  }
  if (last === null) return null;
  // The word being typed is the one matched as a prefix, so it goes last even if typed before.
  const ordered = [...words.filter((w) => w !== last), last];
  return { words: ordered, prefix: /[\p{L}\p{N}\p{M}]$/u.test(input) };
}
