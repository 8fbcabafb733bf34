/**
 * A fold change that does not match the two percentages of its sentence: "32% … vs 8%, a 4-fold
 * increase" is fine; "30% vs 20%, a 3-fold increase" is not. Sentences with one percentage, or
 * more than two, or more than one fold phrase, are skipped.
 */
import type { OutcomeSuggestion, SuggestedDiscrepancy, TextSpan } from '../model/index.js';
import type { CheckedArticle } from './types.js';
import { articleSuggestion, compareStrings, decimalsOf, formatNumber, halfUnit } from './util.js';

const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const NUMBER = String.raw`(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)`;
const FOLD = new RegExp(String.raw`\b${NUMBER}[ -]?fold\b`, 'gi');
const TIMES = new RegExp(String.raw`\b${NUMBER}\s+times\s+(?=(?:as|more|higher|greater|larger|lower|less|fewer|likely|the|that)\b)`, 'gi');
const WORD_FACTOR = /\b(twice(?=\s+(?:as|the|that|more|higher|greater|larger|likely)\b)|doubled|tripled|quadrupled)\b/gi;
const WORD_FACTORS: Record<string, number> = { twice: 2, doubled: 2, tripled: 3, quadrupled: 4 };

type Hedge = 'exact' | 'at least' | 'at most' | 'about';

interface FoldPhrase {
  factor: number;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  hedge: Hedge;
}

function hedgeBefore(before: string): Hedge {
  const text = before.slice(-30).toLowerCase();
  if (/(more than|over|greater than|at least|above|exceeding|>)\s*(an?\s+)?$/.test(text)) return 'at least';
  if (/(less than|under|up to|at most|below|<)\s*(an?\s+)?$/.test(text)) return 'at most';
  if (/(nearly|almost|about|approximately|roughly|around|close to|some|~|≈)\s*(an?\s+)?$/.test(text)) return 'about';
  return 'exact';
}

function foldPhrases(sentence: string): FoldPhrase[] {
  const out: FoldPhrase[] = [];
  const add = (factor: number, start: number, end: number): void => {
    if (!(factor > 0) || out.some((p) => p.start < end && start < p.end)) return;
    out.push({ factor, start, end, hedge: hedgeBefore(sentence.slice(0, start)) });
  };
  const numberOf = (s: string): number => WORDS[s.toLowerCase()] ?? Number(s);
  for (const m of sentence.matchAll(FOLD)) add(numberOf(m[1]!), m.index, m.index + m[0].length);
  for (const m of sentence.matchAll(TIMES)) add(numberOf(m[1]!), m.index, m.index + m[0].trimEnd().length);
  for (const m of sentence.matchAll(WORD_FACTOR)) add(WORD_FACTORS[m[1]!.toLowerCase()]!, m.index, m.index + m[0].length);
  return out;
}

/** Whether the stated factor fits the ratio range the rounded percentages allow, widened `slack` times. */
function fits(phrase: FoldPhrase, low: number, high: number, slack: number): boolean {
  const tolerance = slack * halfUnit(decimalsOf(phrase.factor));
  const n = phrase.factor;
  switch (phrase.hedge) {
    case 'at least':
      return high >= n - tolerance;
    case 'at most':
      return low <= n + tolerance;
    case 'about':
      return high >= 0.75 * n - tolerance && low <= 1.25 * n + tolerance;
    case 'exact':
      return high >= n - tolerance && low <= n + tolerance;
  }
}

function percentagesBySentence(outcomes: readonly OutcomeSuggestion[]): Map<string, OutcomeSuggestion[]> {
  const map = new Map<string, OutcomeSuggestion[]>();
  for (const s of outcomes) {
    if ((s.shape !== 'percentage' && s.shape !== 'count') || s.value === null || !(s.value > 0)) continue;
    const key = `${s.sentence.start}:${s.sentence.end}`;
    const list = map.get(key) ?? [];
    if (list.some((o) => o.quote.start < s.quote.end && s.quote.start < o.quote.end)) continue; // one number, two readings
    list.push(s);
    map.set(key, list);
  }
  return map;
}

export function foldChangeRules(article: CheckedArticle, outcomes: readonly OutcomeSuggestion[]): SuggestedDiscrepancy[] {
  const out: SuggestedDiscrepancy[] = [];
  const groups = percentagesBySentence(outcomes);
  for (const key of [...groups.keys()].sort(compareStrings)) {
    const percents = groups.get(key)!;
    if (percents.length !== 2) continue;
    const sentence = percents[0]!.sentence;
    const inText = article.text.slice(sentence.start, sentence.end);
    const text = inText === sentence.exact ? inText : sentence.exact;
    const phrases = foldPhrases(text);
    if (phrases.length !== 1) continue;
    const phrase = phrases[0]!;
    const [big, small] = percents[0]!.value! >= percents[1]!.value! ? [percents[0]!, percents[1]!] : [percents[1]!, percents[0]!];
    const [a, b] = [big.value!, small.value!];
    const [ta, tb] = [halfUnit(decimalsOf(a)), halfUnit(decimalsOf(b))];
    const low = (a - ta) / (b + tb);
    const high = b - tb > 0 ? (a + ta) / (b - tb) : Number.POSITIVE_INFINITY;
    if (fits(phrase, low, high, 1)) continue;
    const quote: TextSpan = { start: sentence.start + phrase.start, end: sentence.start + phrase.end, exact: text.slice(phrase.start, phrase.end) };
    const [as, bs] = [`${formatNumber(a, 4)}%`, `${formatNumber(b, 4)}%`];
    const explanation = `The text says "${quote.exact}" for ${as} against ${bs}, but ${as} is ${formatNumber(a / b, 1)} times ${bs}.`;
    out.push(articleSuggestion(article, 'fold-change', fits(phrase, low, high, 2) ? 'low' : 'medium', explanation, [quote, big.quote, small.quote]));
  }
  return out;
}
