/**
 * Finds where a quote typed on the command line sits in an article's text, listing *every*
 * occurrence so an ambiguous quote can be refused (shared matchQuote returns only the best one,
 * which is right for re-anchoring but would make the CLI guess). Stages, each only when the one
 * before found nothing: exact; then over the shared anchoring normalisation (Unicode, dashes, minus
 * signs, curly quotes, invisible characters) with whitespace collapsed; then with whitespace removed.
 * Hits map back to offsets in the original text, so the annotation covers the article's real
 * characters. No edit-distance matching: a CLI user gets the passage they meant or a clear error.
 */
import { normalise, toOriginalRange, type WhitespaceMode } from '../../shared/anchoring/index.js';

export interface QuoteSpan {
  start: number;
  end: number;
}

export interface QuoteSearch {
  mode: 'exact' | WhitespaceMode;
  matches: QuoteSpan[];
}

const NORMALISED_MODES: WhitespaceMode[] = ['collapse', 'remove'];

export function findQuote(text: string, quote: string): QuoteSearch {
  const exact = allIndexes(text, quote).map((start) => ({ start, end: start + quote.length }));
  if (exact.length > 0) return { mode: 'exact', matches: exact };
  for (const mode of NORMALISED_MODES) {
    const needle = normalise(quote, mode).text;
    if (needle.length === 0) break;
    const haystack = normalise(text, mode);
    const matches = allIndexes(haystack.text, needle).map((s) => toOriginalRange(haystack, s, s + needle.length));
    if (matches.length > 0) return { mode, matches };
  }
  return { mode: 'remove', matches: [] };
}

/** Every start index of `needle`, overlapping ones included ("aa" in "aaa" is ambiguous too). */
function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}
