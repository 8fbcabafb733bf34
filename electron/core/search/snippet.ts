/**
 * The piece of an article's text shown under a hit: about SNIPPET_LENGTH characters around the first
 * place a query word occurs, cut at spaces, blanks collapsed, "…" where text was left out, and the
 * query words inside it marked by [start, end) offsets into the snippet.
 */
import type { SearchSnippet } from '../../../shared/model/search.js';
import type { ParsedQuery } from './query.js';
import { foldTerm, termSpans, type TermSpan } from './tokens.js';

export const SNIPPET_LENGTH = 200;
/** Context kept before the first match, so the reader sees what leads up to it. */
const LEAD = 60;

export function termMatcher(query: ParsedQuery): (term: string) => boolean {
  const whole = new Set(query.prefix ? query.words.slice(0, -1) : query.words);
  const start = query.prefix ? query.words[query.words.length - 1]! : null;
  return (term) => whole.has(term) || (start !== null && term.startsWith(start));
}

export function makeSnippet(text: string, query: ParsedQuery, length = SNIPPET_LENGTH): SearchSnippet | null {
  const matches = termMatcher(query);
  const first = firstMatch(text, query.words, matches);
  if (first === null) return null;

  let start = Math.max(0, first.start - LEAD);
  if (start > 0) {
    // Begin at a word boundary: after the first blank in the lead, if there is one.
    const blank = text.slice(start, first.start).search(/\s/);
    if (blank >= 0) start += blank + 1;
  }
  let end = Math.min(text.length, Math.max(start + length, first.end));
  if (end < text.length) {
    const tail = text.slice(first.end, end);
    const lastBlank = tail.search(/\s\S*$/);
    if (lastBlank >= 0) end = first.end + lastBlank;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const snippet = `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;

  // Marks are found again in the snippet itself, so collapsing blanks cannot shift them.
  const marks: [number, number][] = [];
  for (const span of termSpans(snippet)) if (matches(span.term)) marks.push([span.start, span.end]);
  return { text: snippet, marks };
}

/** Not part of any term (tokens.ts): the terms after it are the same whether scanning starts before it or after. */
const BOUNDARY = /[^\p{L}\p{N}\p{M}.]/u;

/**
 * The first term of `text` that `matches`, as the plain scan from the start would find it. Folding
 * and testing every term of a 60 KB text took milliseconds when the word is rare (and only found
 * far in), so when folding keeps every character in place, the scan starts only where a query word
 * first occurs in the folded text (a matching term starts where a query word does), then jumps to
 * the next such place whenever it passes one that was inside another word.
 */
export function firstMatch(text: string, words: readonly string[], matches: (term: string) => boolean): TermSpan | null {
  const folded = foldInPlace(text);
  if (folded === null) {
    for (const span of termSpans(text)) if (matches(span.term)) return span;
    return null;
  }
  let from = 0; // where a term may start: scanning never goes back before it
  for (;;) {
    let at = -1;
    for (const word of words) {
      const i = folded.indexOf(word, from);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) return null;
    let start = at;
    while (start > from && !BOUNDARY.test(text[start - 1]!)) start -= 1;
    let next = -1;
    for (const span of termSpans(text, start)) {
      if (span.start > at) {
        next = span.start;
        break;
      }
      if (matches(span.term)) return span;
    }
    if (next < 0) return null;
    from = next;
  }
}

/**
 * The text folded like its terms (foldTerm) with every character where it was, or null when folding
 * moves some (a ligature, a decomposed accent, "İ"): such a text is scanned from the start. Only runs
 * of non-ASCII characters can fold to another length, and each is checked (and folded) whole.
 */
function foldInPlace(text: string): string | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  let moved = false;
  const folded = lower.replace(/[^\x00-\x7f]+/g, (run) => {
    const f = foldTerm(run);
    if (f.length !== run.length) moved = true;
    return f;
  });
  return moved ? null : folded;
}
