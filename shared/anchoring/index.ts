/** Anchoring: normalise text, match quotes, and turn spans into W3C selectors and back. */
export { normalise, normaliseString, toOriginalRange, toNormalisedOffset } from './normalise.js';
export type { NormalisedText, WhitespaceMode } from './normalise.js';
export { matchQuote } from './match-quote.js';
export type { MatchMethod, MatchOptions, QuoteContext, QuoteMatch } from './match-quote.js';
export { anchor, describe, pageSelector, pageOfSelector, quoteOf, CONTEXT_LENGTH } from './selectors.js';
export { joinPageItems, joinPages, pageAt, PAGE_SEPARATOR } from './pdf-text.js';
export type { PageText, PdfTextItemLike } from './pdf-text.js';
