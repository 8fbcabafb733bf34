/**
 * W3C selectors for a span of an article's text (describe) and the way back from selectors to a
 * span of the article's *current* text (anchor): the stored position if it still holds the quote,
 * else a fuzzy quote search near where it used to be, else an orphan. Anchoring never throws and
 * never changes the stored selectors, so a re-import cannot destroy an annotation.
 */
import type { PageSpan } from '../model/article.js';
import type {
  Anchor,
  PageFragmentSelector,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/annotation.js';
import { matchQuote, type MatchOptions } from './match-quote.js';
import { pageAt } from './pdf-text.js';

/** Characters of context kept on each side of a quote (hypothesis uses 32 too). */
export const CONTEXT_LENGTH = 32;

const PAGE_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3778' as const;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Move a context cut so it does not split a surrogate pair (the JSON would hold half a character). */
function safeCut(text: string, at: number, direction: -1 | 1): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(text.length, at));
  if (isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) return at + direction;
  return at;
}

/** The quoted text of an annotation's target ('' if it has no TextQuoteSelector). */
export function quoteOf(annotation: { target: { selector: readonly Selector[] } }): string {
  for (const s of annotation.target.selector) if (s.type === 'TextQuoteSelector') return s.exact;
  return '';
}

export function pageSelector(page: number): PageFragmentSelector {
  return { type: 'FragmentSelector', conformsTo: PAGE_CONFORMS_TO, value: `page=${page}` };
}

/** The 1-based page a FragmentSelector names, or null. */
export function pageOfSelector(selector: PageFragmentSelector): number | null {
  const match = /^page=([1-9][0-9]*)$/.exec(selector.value);
  return match ? Number(match[1]) : null;
}

/** Selectors for text[start, end): quote with context, position, and for PDFs the page. */
export function describe(text: string, start: number, end: number, pages: readonly PageSpan[]): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new RangeError(`cannot describe span ${start}-${end} of a ${text.length}-character text`);
  }
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(safeCut(text, start - CONTEXT_LENGTH, 1), start),
    suffix: text.slice(end, safeCut(text, end + CONTEXT_LENGTH, -1)),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  const selectors: Selector[] = [quote, position];
  const page = pageAt(pages, start);
  if (page !== null) selectors.push(pageSelector(page));
  return selectors;
}

function find<T extends Selector['type']>(selectors: readonly Selector[], type: T): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s): s is Extract<Selector, { type: T }> => s.type === type);
}

/** Where the search should start looking: the stored position, else the start of the stored page. */
function expectedOffset(
  position: TextPositionSelector | undefined,
  page: number | null,
  pages: readonly PageSpan[],
): number | undefined {
  if (position) return position.start;
  if (page !== null) return pages.find((p) => p.page === page)?.start;
  return undefined;
}

/** Re-anchor stored selectors in the article's current text. */
export function anchor(
  text: string,
  selectors: readonly Selector[],
  pages: readonly PageSpan[],
  options: MatchOptions = {},
): Anchor {
  const quote = find(selectors, 'TextQuoteSelector');
  const position = find(selectors, 'TextPositionSelector');
  const fragment = find(selectors, 'FragmentSelector');
  // Without a quote nothing can confirm that a position still means the same words.
  if (!quote) return { status: 'orphan' };

  if (position && position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { status: 'exact', start: position.start, end: position.end, page: pageAt(pages, position.start) };
  }

  const hint = expectedOffset(position, fragment ? pageOfSelector(fragment) : null, pages);
  const found = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, ...(hint === undefined ? {} : { hint }) }, options);
  if (!found) return { status: 'orphan' };
  return { status: 'fuzzy', start: found.start, end: found.end, page: pageAt(pages, found.start) };
}
