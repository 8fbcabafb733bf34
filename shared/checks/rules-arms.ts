/**
 * Arms that do not add up to the total: the arm sizes listed together in one sentence (two or three
 * of them, different arms) against the one total given in that sentence, else in its paragraph.
 */
import type { OutcomeSuggestion, SuggestedDiscrepancy, TextSpan } from '../model/index.js';
import type { CheckedArticle } from './types.js';
import { articleSuggestion, compareStrings, formatNumber, normaliseText, uniqueBy } from './util.js';

interface Total {
  n: number;
  quote: TextSpan;
}

/** Arm counts after attrition are not a partition of the number enrolled. */
const ATTRITION = /\b(complet\w*|discontinu\w*|withdr[ae]w\w*|lost to|dropp?\w* out|drop-?outs?|exclu\w*|analy[sz]ed|evaluable|died|deaths?)\b/i;
const ARM_FILLER = new Set(['the', 'group', 'arm', 'patients', 'participants', 'subjects']);

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function inside(span: TextSpan, start: number, end: number): boolean {
  return span.start >= start && span.end <= end;
}

/** The paragraph (text between blank lines) around [start, end). */
function paragraphAround(text: string, start: number, end: number): [number, number] {
  // Look back at most 5000 characters: a longer "paragraph" is no paragraph (a PDF without breaks).
  let from = Math.max(0, start - 5000);
  const head = /\n[ \t\r]*\n/g;
  head.lastIndex = from;
  for (let m = head.exec(text); m && m.index + m[0].length <= start; m = head.exec(text)) from = m.index + m[0].length;
  const tail = /\n[ \t\r]*\n/g;
  tail.lastIndex = end;
  const next = tail.exec(text);
  return [from, Math.min(next ? next.index : text.length, end + 5000)];
}

function totalsOf(article: CheckedArticle, outcomes: readonly OutcomeSuggestion[]): Total[] {
  const fromOutcomes = outcomes.filter((s) => s.shape === 'sample-size' && s.n !== null).map((s) => ({ n: s.n!, quote: s.quote }));
  const fromFacts = article.facts.facts
    .filter((f) => f.kind === 'sample-size' && f.source === 'text')
    .map((f) => ({ n: Number(f.normalised.replace(/[^\d.]/g, '')), quote: f.quote }))
    .filter((t) => Number.isFinite(t.n) && t.n > 0);
  return [...fromOutcomes, ...fromFacts].sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
}

export function armSumRules(article: CheckedArticle, outcomes: readonly OutcomeSuggestion[]): SuggestedDiscrepancy[] {
  const bySentence = new Map<string, OutcomeSuggestion[]>();
  for (const s of outcomes) {
    if (s.shape !== 'arm-size' || s.n === null || !(s.n >= 0)) continue;
    const key = `${s.sentence.start}:${s.sentence.end}`;
    const list = bySentence.get(key);
    if (list) list.push(s);
    else bySentence.set(key, [s]);
  }
  if (bySentence.size === 0) return [];
  const totals = totalsOf(article, outcomes);
  const out: SuggestedDiscrepancy[] = [];
  for (const key of [...bySentence.keys()].sort(compareStrings)) {
    const arms = uniqueBy(bySentence.get(key)!, (s) => `${s.quote.start}:${s.quote.end}`);
    if (arms.length < 2 || arms.length > 3) continue;
    if (arms.some((a, i) => arms.slice(0, i).some((b) => overlaps(a.quote, b.quote)))) continue;
    const names = arms.map((a) => normaliseText(a.arm).split(' ').filter((w) => w !== '' && !ARM_FILLER.has(w)).join(' ')).filter((n) => n !== '');
    if (new Set(names).size !== names.length) continue; // the same arm twice: not a partition
    const sentence = arms[0]!.sentence;
    if (ATTRITION.test(sentence.exact)) continue;
    const free = totals.filter((t) => !arms.some((a) => overlaps(a.quote, t.quote)));
    let candidates = free.filter((t) => inside(t.quote, sentence.start, sentence.end));
    if (candidates.length === 0) {
      const [from, to] = paragraphAround(article.text, sentence.start, sentence.end);
      candidates = free.filter((t) => inside(t.quote, from, to));
    }
    const values = [...new Set(candidates.map((t) => t.n))];
    const sum = arms.reduce((acc, a) => acc + a.n!, 0);
    if (values.length !== 1 || values[0] === sum) continue;
    const total = candidates[0]!;
    const explanation = `The arms add up to ${arms.map((a) => formatNumber(a.n!)).join(' + ')} = ${formatNumber(sum)}, but the total given is ${formatNumber(total.n)}.`;
    out.push(articleSuggestion(article, 'arm-sum', 'medium', explanation, [total.quote, ...arms.map((a) => a.quote)]));
  }
  return out;
}
