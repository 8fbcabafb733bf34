/**
 * Words as the search index sees them, one definition for indexing, queries and snippet marks:
 * letters and digits (with their combining marks, so a decomposed "é" stays inside its word), a
 * decimal number kept whole ("9.36", "0.001": results are searched by their values), folded to
 * lower case without accents ("Csörgő" is found by "csorgo").
 */
import { withoutAccents } from '../../../shared/text/accents.js';

/** Bump when the definition of a term changes: a persisted index built with another one is rebuilt. */
export const TOKENIZER_VERSION = 1;

/** Longer "words" are base64, URLs or extraction debris: indexing them only costs memory. */
export const MAX_TERM_LENGTH = 40;

const WORD = /[\p{L}\p{N}\p{M}]+(?:\.\p{N}+)*/gu;

export function foldTerm(word: string): string {
  return withoutAccents(word.toLowerCase());
}

/** The terms of a text in order (repeats kept: the index scores by where a term first appears). */
export function indexTerms(text: string): string[] {
  // Folding the whole text first is much cheaper than folding word by word (ASCII texts skip it).
  const folded = foldTerm(text);
  const out: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    if (match[0].length <= MAX_TERM_LENGTH) out.push(match[0]);
  }
  return out;
}

export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

/** Terms with their [start, end) offsets in the original text (for snippets and their marks). */
export function* termSpans(text: string, from = 0): Generator<TermSpan> {
  const re = new RegExp(WORD.source, WORD.flags);
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield { term: foldTerm(m[0]), start: m.index, end: m.index + m[0].length };
  }
}

/**
 * A copy of a term that does not keep the text it was cut from alive. V8 keeps a substring of 13 or
 * more characters as a view into its parent string, so a term kept as an index key would pin the
 * whole text of the article that first used it (measured: 378 MB of heap after indexing 10,000
 * articles instead of 122 MB for the same index read back from its file).
 */
export function detached(term: string): string {
  return term.length < 13 ? term : Buffer.from(term, 'utf8').toString('utf8');
}
