/**
 * Find a quote in a text that may have changed since the quote was taken: a pure, scored matcher in
 * the spirit of hypothesis/client's match-quote. Three stages, cheapest and safest first:
 *
 *   1. exact: the quote occurs verbatim;
 *   2. normalised: it occurs once both sides are Unicode-normalised with whitespace removed
 *      (ligatures, NBSP, line breaks, U+2212 vs "-", spaces pdf.js added or dropped);
 *   3. fuzzy: bounded edit distance (Myers' bit-parallel algorithm, from `approx-string-match`).
 *
 * Within a stage every candidate is scored on how well the quote, its prefix and suffix context
 * and its closeness to the expected position agree, and the best one wins. A later stage runs only
 * when the earlier found nothing, so a verbatim hit is never traded for a near one.
 */
import approxSearch from 'approx-string-match';
import { normalise, normaliseString, toNormalisedOffset, toOriginalRange, type NormalisedText } from './normalise.js';

export interface QuoteContext {
  /** Text expected just before the quote (the TextQuoteSelector prefix). */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Expected start offset in the original text (e.g. the stored TextPositionSelector start). */
  hint?: number;
}

export type MatchMethod = 'exact' | 'normalised' | 'fuzzy';

export interface QuoteMatch {
  /** [start, end) in the original text. */
  start: number;
  end: number;
  /** 0..1, higher is better; comparable only within one call. */
  score: number;
  /** Edits between the quote and the match (0 for exact and normalised hits). */
  errors: number;
  method: MatchMethod;
}

export interface MatchOptions {
  /** Largest share of the (normalised) quote that may differ in a fuzzy match. */
  maxErrorRatio?: number;
  /**
   * Shorter quotes are never fuzzy-matched: one edit in "9.36" is another number, not a typo, and a
   * wrong anchor is worse than an orphan the reviewer can see.
   */
  minFuzzyLength?: number;
}

const DEFAULTS: Required<MatchOptions> = { maxErrorRatio: 0.2, minFuzzyLength: 12 };

/** Relative weights, as in hypothesis: the quote dominates, context breaks ties, position last. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Scoring thousands of occurrences of a short quote is pointless; keep the ones nearest the hint. */
const MAX_CANDIDATES = 500;

/** Slack, in characters, around the expected span for the local fuzzy search (see fuzzyMatch). */
const LOCAL_SLACK = 64;
/** A local fuzzy match this good (close quote, matching context) needs no whole-text search. */
const LOCAL_ACCEPT_SCORE = 0.85;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Similarity 0..1 of `expected` to the best-matching part of `window`. */
function contextScore(window: string, expected: string): number {
  if (expected.length === 0) return 0;
  if (window.length === 0) return 0;
  if (window.endsWith(expected) || window.startsWith(expected)) return 1;
  const matches = approxSearch(window, expected, expected.length);
  if (matches.length === 0) return 0;
  const minErrors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - minErrors / expected.length);
}

function allOccurrences(text: string, quote: string): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return out;
}

function nearest(candidates: Candidate[], hint: number | undefined): Candidate[] {
  if (candidates.length <= MAX_CANDIDATES || hint === undefined) return candidates.slice(0, MAX_CANDIDATES);
  return [...candidates].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, MAX_CANDIDATES);
}

/** Score candidates found in `text` (one coordinate space) and return the best. */
function best(
  text: string,
  quoteLength: number,
  candidates: Candidate[],
  context: { prefix: string; suffix: string; hint: number | undefined },
): (Candidate & { score: number }) | null {
  let top: (Candidate & { score: number }) | null = null;
  for (const c of nearest(candidates, context.hint)) {
    let total = WEIGHT.quote * (1 - c.errors / Math.max(1, quoteLength));
    let weights = WEIGHT.quote;
    if (context.prefix.length > 0) {
      total += WEIGHT.prefix * contextScore(text.slice(Math.max(0, c.start - context.prefix.length), c.start), context.prefix);
      weights += WEIGHT.prefix;
    }
    if (context.suffix.length > 0) {
      total += WEIGHT.suffix * contextScore(text.slice(c.end, c.end + context.suffix.length), context.suffix);
      weights += WEIGHT.suffix;
    }
    if (context.hint !== undefined) {
      total += WEIGHT.position * (1 - Math.abs(c.start - context.hint) / Math.max(1, text.length));
      weights += WEIGHT.position;
    }
    const score = total / weights;
    if (top === null || score > top.score) top = { ...c, score };
  }
  return top;
}

/**
 * Re-anchoring an article's annotations searches the same text many times; normalising a long
 * text is the costly part, so the last one is remembered (a cache only: results are unchanged).
 */
let lastNormalised: { text: string; value: NormalisedText } | null = null;
function normalisedText(text: string): NormalisedText {
  if (lastNormalised?.text !== text) lastNormalised = { text, value: normalise(text, 'remove') };
  return lastNormalised.value;
}

/** The digits of a string, in order: a fuzzy match must keep every number of the quote intact. */
function digitsOf(s: string): string {
  return s.replace(/[^0-9]/g, '');
}

/** Matches in text[from, to), in whole-text coordinates, keeping every digit of the quote. */
function searchRange(text: string, quote: string, maxErrors: number, from: number, to: number): Candidate[] {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const digits = digitsOf(quote);
  return approxSearch(window, quote, maxErrors)
    .map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }))
    .filter((m) => m.end > m.start && digitsOf(text.slice(m.start, m.end)) === digits);
}

/**
 * Fuzzy stage. Near the hint first (about one quote length either side): a well-scored match
 * there is accepted without scanning the whole text, which matters for book-length PDFs. Myers'
 * search returns only the lowest-cost matches of what it scans, so the local candidates also stay
 * in the running for the whole-text pass, letting context and position prefer a slightly worse
 * match at the expected place over a marginally closer one far away.
 */
function fuzzyMatch(
  text: string,
  quote: string,
  maxErrors: number,
  context: { prefix: string; suffix: string; hint: number | undefined },
): (Candidate & { score: number }) | null {
  let local: Candidate[] = [];
  if (context.hint !== undefined) {
    const from = Math.max(0, context.hint - quote.length - LOCAL_SLACK);
    const to = Math.min(text.length, context.hint + 2 * quote.length + LOCAL_SLACK);
    local = searchRange(text, quote, maxErrors, from, to);
    const top = best(text, quote.length, local, context);
    if (top && top.score >= LOCAL_ACCEPT_SCORE) return top;
    if (from === 0 && to === text.length) return top;
  }
  return best(text, quote.length, [...searchRange(text, quote, maxErrors, 0, text.length), ...local], context);
}

/** Find `quote` in `text`; null when no stage finds it. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  options: MatchOptions = {},
): QuoteMatch | null {
  if (quote.length === 0) return null;
  const opts = { ...DEFAULTS, ...options };
  const raw = { prefix: context.prefix ?? '', suffix: context.suffix ?? '', hint: context.hint };

  const exact = best(text, quote.length, allOccurrences(text, quote), raw);
  if (exact) return { start: exact.start, end: exact.end, score: exact.score, errors: 0, method: 'exact' };

  const normText = normalisedText(text);
  const normQuote = normaliseString(quote, 'remove');
  if (normQuote.length === 0) return null;
  const normContext = {
    prefix: normaliseString(raw.prefix, 'remove'),
    suffix: normaliseString(raw.suffix, 'remove'),
    hint: raw.hint === undefined ? undefined : toNormalisedOffset(normText, raw.hint),
  };

  const normalised = best(normText.text, normQuote.length, allOccurrences(normText.text, normQuote), normContext);
  if (normalised) {
    return { ...toOriginalRange(normText, normalised.start, normalised.end), score: normalised.score, errors: 0, method: 'normalised' };
  }

  if (normQuote.length < opts.minFuzzyLength) return null;
  const maxErrors = Math.floor(normQuote.length * opts.maxErrorRatio);
  if (maxErrors < 1) return null;
  const fuzzy = fuzzyMatch(normText.text, normQuote, maxErrors, normContext);
  if (!fuzzy) return null;
  return { ...toOriginalRange(normText, fuzzy.start, fuzzy.end), score: fuzzy.score, errors: fuzzy.errors, method: 'fuzzy' };
}
