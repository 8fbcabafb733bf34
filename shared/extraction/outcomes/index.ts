/**
 * The outcome finder: numeric results in an article's text — estimates with intervals, p-values,
 * percentages, counts, means with SD, medians with IQR, ratios, sample and arm sizes — each with its
 * quote (the value as written, with its interval / p / n), its sentence, the numbers as parsed and
 * best guesses of outcome, arm, time point and measure.
 *
 * One pass of a few bounded patterns over a same-length normal form of the text (`normalise.ts`), so
 * offsets are the original text's UTF-16 offsets and `quote.exact === text.slice(start, end)`.
 * Then, in the sentences without a numeric suggestion, results stated without numbers
 * (`comparisons.ts`: "no significant difference in HDL between groups", shape 'comparison').
 */
import type { OutcomeSuggestion } from '../../model/index.js';
import { findComparisons, type Comparison } from './comparisons.js';
import { armGuess, armHitsIn, armRegex, collectArms, measureGuess, outcomeGuess, timepointGuess } from './guesses.js';
import { normaliseForNumbers } from './normalise.js';
import { emptyCandidate, findCandidates, type Candidate } from './patterns.js';
import { sentenceIndexAt, splitSentences, type Span } from './sentences.js';

export { normaliseForNumbers } from './normalise.js';
export { splitSentences } from './sentences.js';

/** Square-bracket citations ("[12]", "[1, 2]", "[3-5]") after a word, not after a number ("4 [2, 7]"). */
function citationSpans(norm: string): Span[] {
  const spans: Span[] = [];
  for (const m of norm.matchAll(/\[\d{1,3}(?:[ ]?[,-][ ]?\d{1,3}){0,30}\]/g)) {
    let i = m.index - 1;
    while (i >= 0 && norm[i] === ' ') i--;
    if (i >= 0 && /[\d%]/.test(norm[i]!)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** A line of a reference list ("N Engl J Med 2022;387:1264-78", a DOI, a URL). */
function looksLikeReference(sentence: string): boolean {
  return /\b(?:19|20)\d{2}[a-z]?[ ]?[;,.][ ]?\d{1,4}[ ]?(?:\(\d{1,4}\))?[ ]?[:(]|\bdoi[:. ]|https?:\/\/|\bet al\.?,? \(?(?:19|20)\d{2}\)?[;.,]/i.test(sentence);
}

/** How far around its quote the guesses read (characters each side, within the sentence). */
const GUESS_WINDOW = 240;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Keep the best candidate where quotes overlap: by pattern priority, then the longer quote. */
function resolve(candidates: Array<Candidate & { priority: number }>): Candidate[] {
  candidates.sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  // accepted quotes sorted by start, for a binary-searched overlap test
  const starts: Candidate[] = [];
  for (const c of candidates) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = starts[lo - 1];
    const next = starts[lo];
    if ((prev && overlaps(prev, c)) || (next && overlaps(next, c))) continue;
    starts.splice(lo, 0, c);
    kept.push(c);
  }
  return kept;
}

export function findOutcomes(articleId: string, text: string): OutcomeSuggestion[] {
  const norm = normaliseForNumbers(text);
  const arms = collectArms(norm);
  const bareSd = /\bmean ?[([] ?(?:SD|s\.d\.)[)\]]|[([]SD[)\]]/i.test(norm);
  const sentences = splitSentences(norm);
  let kept: Candidate[] = [];
  if (/\d/.test(text)) {
    const citations = citationSpans(norm);
    // citation brackets take part in the overlap resolution first, so no quote can overlap one
    const blockers = new Set<Candidate>(citations.map((s) => ({ ...emptyCandidate('count', s.start, s.end), priority: -1 })));
    kept = resolve([...(blockers as Set<Candidate & { priority: number }>), ...findCandidates(norm, { arms, bareSd })]).filter((c) => !blockers.has(c));
  }

  const armRe = armRegex(arms);
  const referenceLine = new Map<number, boolean>();
  const out: OutcomeSuggestion[] = [];
  const keys = new Set<string>();
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  let lastOutcome = { sentence: -1, text: '' };

  for (const c of kept) {
    const si = sentenceIndexAt(sentences, c.start);
    const sentence = si >= 0 ? sentences[si]! : { start: c.start, end: c.end };
    if (c.end > sentence.end) {
      // a quote never crosses a sentence end; widen the sentence rather than cut the quote
      const last = sentenceIndexAt(sentences, c.end - 1);
      if (last >= 0) sentence.end = sentences[last]!.end;
    }
    let isReference = referenceLine.get(si);
    if (isReference === undefined) {
      isReference = looksLikeReference(norm.slice(sentence.start, sentence.end));
      referenceLine.set(si, isReference);
    }
    if (isReference) continue;
    const key = `${c.shape}:${c.start}:${c.end}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const quote = { start: c.start, end: c.end };
    // guesses read a bounded window of the sentence, so a huge "sentence" (a flattened table) stays linear
    const around = { start: Math.max(sentence.start, c.start - GUESS_WINDOW), end: Math.min(sentence.end, c.end + GUESS_WINDOW) };
    const guessed = outcomeGuess(c.shape, norm, around, quote, arms);
    let outcome = guessed.text;
    if (guessed.strong && outcome) lastOutcome = { sentence: si, text: outcome };
    else if (!guessed.strong && lastOutcome.sentence === si) outcome = lastOutcome.text;
    out.push({
      key,
      articleId,
      shape: c.shape,
      quote: { ...quote, exact: text.slice(c.start, c.end) },
      sentence: { start: sentence.start, end: sentence.end, exact: text.slice(sentence.start, sentence.end) },
      value: c.value,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      p: c.p,
      n: c.n,
      events: c.events,
      sd: c.sd,
      unit: c.unit,
      measure: measureGuess(c.shape, c.label, norm, around, quote),
      outcome,
      arm: c.shape === 'sample-size' ? '' : c.arm || armGuess(norm, text, armHitsIn(norm, armRe, around), quote),
      timepoint: timepointGuess(norm, around, quote),
    });
  }

  // stated comparisons, in the sentences that carry no numeric suggestion and are no reference line
  const withNumbers = new Set<number>();
  for (const s of out) for (let i = sentenceIndexAt(sentences, s.quote.start); i >= 0 && i < sentences.length && sentences[i]!.start < s.quote.end; i++) withNumbers.add(i);
  // a reference is read by its whole line: "Smith J, Doe A. No difference in … N Engl J Med 2019;380:1200-9."
  const skip = (si: number): boolean => {
    if (withNumbers.has(si)) return true;
    const { start, end } = sentences[si]!;
    const lineEnd = norm.indexOf('\n', end);
    const line = norm.slice(Math.max(norm.lastIndexOf('\n', start) + 1, start - 300), Math.min(lineEnd < 0 ? norm.length : lineEnd, end + 300));
    return looksLikeReference(line);
  };
  for (const c of findComparisons(norm, sentences, arms, skip)) out.push(comparisonSuggestion(articleId, text, norm, sentences[c.sentence]!, c, armRe));
  out.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
  return out;
}

/**
 * The arms a comparative clause names: adjacent names as one ("n-3FA supplement"), two at most
 * ("n-3FA supplement vs placebo"), none inside the outcome ("glycaemic control").
 */
function namedArms(norm: string, text: string, hits: Array<{ start: number; end: number }>, c: Comparison): string {
  const at = c.outcome ? norm.indexOf(c.outcome, c.start) : -1;
  const inOutcome = (h: { start: number; end: number }): boolean => at >= 0 && at < c.end && h.start >= at && h.end <= at + c.outcome.length;
  const merged: Array<{ start: number; end: number }> = [];
  for (const h of hits) {
    if (inOutcome(h)) continue;
    const prev = merged[merged.length - 1];
    if (prev && /^[ -]$/.test(norm.slice(prev.end, h.start))) prev.end = h.end;
    else merged.push({ ...h });
  }
  const names = [...new Set(merged.map((h) => text.slice(h.start, h.end)))];
  return names.slice(0, 2).join(' vs ');
}

/** A stated comparison as a suggestion: no numbers, the direction in `measure`, the arms the clause names. */
function comparisonSuggestion(articleId: string, text: string, norm: string, sentence: Span, c: Comparison, armRe: RegExp): OutcomeSuggestion {
  const quote = { start: c.start, end: c.end };
  const around = { start: Math.max(sentence.start, c.start - GUESS_WINDOW), end: Math.min(sentence.end, c.end + GUESS_WINDOW) };
  // the arms the clause itself names ("between the n-3FA supplement and placebo groups"), else the nearest one
  const arm = namedArms(norm, text, armHitsIn(norm, armRe, quote), c) || armGuess(norm, text, armHitsIn(norm, armRe, around), quote);
  // a time point inside the clause ("over the 12-month period"), else the nearest in the sentence
  const timepoint = timepointGuess(norm, quote, { start: c.start, end: c.start }) || timepointGuess(norm, around, quote);
  const key = `comparison:${c.start}:${c.end}`;
  return {
    key,
    articleId,
    shape: 'comparison',
    quote: { ...quote, exact: text.slice(c.start, c.end) },
    sentence: { start: sentence.start, end: sentence.end, exact: text.slice(sentence.start, sentence.end) },
    value: null,
    ciLow: null,
    ciHigh: null,
    p: null,
    n: null,
    events: null,
    sd: null,
    unit: '',
    measure: c.measure,
    outcome: c.outcome,
    arm,
    timepoint,
  };
}
