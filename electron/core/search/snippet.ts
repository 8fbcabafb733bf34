/**
 * The piece of an article's text shown under a hit: about SNIPPET_LENGTH characters around the first
 * place a query word occurs, cut at spaces, blanks collapsed, "…" where text was left out, and the
 * query words inside it marked by [start, end) offsets into the snippet.
 */
import type { SearchSnippet } from '../../../shared/model/search.js';
import type { ParsedQuery } from './query.js';
import { termSpans } from './tokens.js';

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
  let first: { start: number; end: number } | null = null;
  for (const span of termSpans(text)) {
    if (matches(span.term)) {
      first = span;
      break;
    }
  }
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
