/**
 * Best guesses from the sentence around a quote: the arm, the time point, the measure and the
 * outcome. Short and plausible, '' when the sentence gives nothing; a person checks them.
 */
import type { ResultShape } from '../../model/index.js';
import type { Span } from './sentences.js';

/** Words that name no arm even when written before "group" ("the same group", "each arm"). */
const NOT_ARMS = new Set([
  'the', 'a', 'an', 'each', 'both', 'either', 'same', 'other', 'this', 'that', 'these', 'those', 'all', 'one', 'two', 'three', 'four', 'five',
  'treatment', 'treatments', 'study', 'trial', 'age', 'dose', 'dosing', 'active', 'different', 'respective', 'per', 'whole', 'every', 'any', 'our',
  'first', 'second', 'third', 'two-arm', 'parallel', 'parallel-group', 'subgroup', 'blood', 'risk', 'high-risk', 'low-risk', 'patient', 'patients',
  'similar', 'receive', 'be', 'and', 'or', 'of', 'in', 'to', 'with', 'between', 'within', 'across', 'per-protocol', 'analysis', 'double-blind', 'open-label',
]);
const COMMON_ARMS = ['placebo', 'control', 'controls', 'usual care', 'standard care', 'sham', 'intervention', 'comparator'];

/** The arm names an article uses: the word before "group"/"arm", what patients were assigned to, and the usual ones. */
export function collectArms(norm: string): Set<string> {
  const arms = new Set<string>(COMMON_ARMS);
  const add = (word: string | undefined): void => {
    if (!word) return;
    const w = word.toLowerCase().replace(/[-/]+$/, '');
    if (w.length < 2 || NOT_ARMS.has(w) || /^\d/.test(w)) return;
    arms.add(w);
  };
  // each pattern finds its fixed word, then reads the name just before it (the longest that fits), which keeps it fast
  for (const m of norm.matchAll(/ (?:group|arm|regimen)s?\b/g)) add(nameBefore(norm, m.index, WORD_BEFORE_GROUP));
  for (const m of norm.matchAll(/\b(?:receive|randomi[sz]ed to|assigned to|allocated to)(?: either)?(?: oral| intravenous| subcutaneous| inhaled| topical)? ([A-Za-z][\w/+-]{2,30})/g)) add(m[1]);
  for (const m of norm.matchAll(/-(?:treated|assigned|randomi[sz]ed)\b/g)) add(nameBefore(norm, m.index, WORD_BEFORE_TREATED));
  return arms;
}

// the name ending where the fixed word starts; read from a 40-character window, wider than the longest name and its boundary
const WORD_BEFORE_GROUP = /(?<![\w-])[A-Za-z][\w/+-]{1,30}$/;
const WORD_BEFORE_TREATED = /(?<![\w/+-])[A-Za-z][\w/+-]{2,30}$/;
function nameBefore(norm: string, at: number, re: RegExp): string | undefined {
  return re.exec(norm.slice(Math.max(0, at - 40), at))?.[0];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex finding every arm name of the article (longest first), case-insensitive. */
export function armRegex(arms: Set<string>): RegExp {
  const alternatives = [...arms].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?<![\\w-])(?:${alternatives})(?![\\w])`, 'gi');
}

interface Hit {
  start: number;
  end: number;
  text: string;
}

/** Distance from a hit to the quote, with a penalty per clause boundary between them. */
function distance(norm: string, hit: Hit, quote: Span): number {
  const [a, b] = hit.end <= quote.start ? [hit.end, quote.start] : [quote.end, hit.start];
  if (b < a) return 0;
  const between = norm.slice(a, b);
  const clauses = (between.match(/[,;]|\bwhereas\b|\bwhile\b|\bvs\b|\bversus\b|\bcompared\b|\bthan\b/g) ?? []).length;
  return b - a + 60 * clauses;
}

function nearest(norm: string, hits: Hit[], quote: Span): Hit | null {
  let best: Hit | null = null;
  let bestD = Infinity;
  for (const h of hits) {
    if (h.start < quote.end && h.end > quote.start) continue;
    const d = distance(norm, h, quote);
    if (d < bestD) {
      bestD = d;
      best = h;
    }
  }
  return best;
}

/** Where the article's arm names occur in a sentence. */
export function armHitsIn(norm: string, re: RegExp, sentence: Span): Hit[] {
  const slice = norm.slice(sentence.start, sentence.end);
  re.lastIndex = 0;
  return [...slice.matchAll(re)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, text: m[0] }));
}

/** The arm named nearest the quote in its sentence. */
export function armGuess(norm: string, text: string, hits: Hit[], quote: Span): string {
  const best = nearest(norm, hits, quote);
  return best ? text.slice(best.start, best.end) : '';
}

const TIME_RE =
  /(?<![\w-])(?:(?<u1>[Ww]eek|[Mm]onth|[Dd]ay|[Yy]ear|[Vv]isit)s? ?(?<n1>\d{1,3})(?![\d.])|(?<n2>\d{1,3}|one|two|three|six|twelve)[- ](?<u2>weeks?|months?|days?|years?|hours?)(?![\w-]*\w))/g;

/** The time point nearest the quote: "week 16", "12 months", "1 year"; not a dosing interval ("every 4 weeks"). */
export function timepointGuess(norm: string, sentence: Span, quote: Span): string {
  const slice = norm.slice(sentence.start, sentence.end);
  const hits: Hit[] = [];
  for (const m of slice.matchAll(TIME_RE)) {
    const start = sentence.start + m.index;
    const before = slice.slice(Math.max(0, m.index - 8), m.index);
    if (/\b(?:every|per|each|for|q)\s?$/i.test(before) || /(?:[\d.]|\d ?(?:to|-|and))\s?$/.test(before)) continue;
    if (/\bage[ds]?\b[^,;]{0,20}$/i.test(slice.slice(Math.max(0, m.index - 30), m.index))) continue; // "aged 18 to 80 years"
    const g = m.groups!;
    const label = g.u1 ? `${g.u1.toLowerCase()} ${g.n1}` : `${g.n2} ${plural(g.u2!.toLowerCase(), g.n2!)}`;
    hits.push({ start, end: start + m[0].length, text: label });
  }
  return nearest(norm, hits, quote)?.text ?? '';
}

function plural(unitWord: string, n: string): string {
  const singular = unitWord.replace(/s$/, '');
  return n === '1' || n === 'one' ? singular : `${singular}s`;
}

const MEASURE_WORDS: Array<[RegExp, string]> = [
  [/\b(?:hazard ratios?|a?HRs?)\b/i, 'HR'],
  [/\b(?:odds ratios?|a?OR)\b/, 'OR'],
  [/\b(?:odds ratios?)\b/i, 'OR'],
  [/\b(?:risk ratios?|relative risks?|rate ratios?|prevalence ratios?|a?RR|IRR|LPR)\b/i, 'RR'],
  [/\b(?:SMD|standardi[sz]ed mean differences?)\b/i, 'SMD'],
  [/\bMD\b/, 'MD'],
  [/\b(?:mean differences?|differences? in means?|WMD)\b/i, 'mean difference'],
  [/\b(?:risk differences?|absolute risk reductions?)\b/i, 'risk difference'],
  [/\b(?:changes? from baseline|mean changes?)\b/i, 'mean change'],
  [/\bchanges?\b/i, 'mean change'],
  [/\bmedian\b/i, 'median'],
  [/\bmean\b/i, 'mean'],
];
const MEASURE_ANY = /\b(?:hazard ratios?|a?HRs?|odds ratios?|a?OR|risk ratios?|relative risks?|rate ratios?|prevalence ratios?|a?RR|IRR|LPR|SMD|standardi[sz]ed mean differences?|MD|mean differences?|differences? in means?|WMD|risk differences?|absolute risk reductions?|changes? from baseline|mean changes?|changes?|median|mean)\b/gi;

function measureOf(word: string): string {
  for (const [re, name] of MEASURE_WORDS) if (re.test(word)) return name;
  return '';
}

/** The measure: the quote's own label, else the last measure word before the quote in its clause; by shape otherwise. */
export function measureGuess(shape: ResultShape, label: string, norm: string, sentence: Span, quote: Span): string {
  switch (shape) {
    case 'percentage':
      return '%';
    case 'count':
    case 'sample-size':
    case 'arm-size':
      return 'n';
    case 'p-value':
      return '';
    case 'median-iqr':
      return 'median';
    default:
      break;
  }
  if (label) {
    const named = measureOf(label);
    if (named) return named;
  }
  const from = Math.max(sentence.start, quote.start - 90);
  const before = norm.slice(from, quote.end);
  let last = '';
  for (const m of before.matchAll(MEASURE_ANY)) {
    // words in any case ("Odds ratio"), abbreviations only in capitals ("OR", not the conjunction "or")
    if (/[a-z]{3}/.test(m[0]) || /^a?[A-Z]{2,4}s?$/.test(m[0])) last = m[0];
  }
  const named = last ? measureOf(last) : '';
  if (named) return named;
  return shape === 'mean-sd' ? 'mean' : '';
}

/** Words that end an outcome phrase when read backwards from the quote. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'was', 'were', 'is', 'are', 'be', 'been', 'had', 'has', 'have', 'showed', 'shows', 'show', 'demonstrated', 'with', 'than',
  'versus', 'vs', 'vs.', 'and', 'or', 'but', 'that', 'which', 'who', 'for', 'on', 'by', 'between', 'compared', 'after', 'at', 'during', 'while',
  'whereas', 'resulting', 'observed', 'reported', 'significantly', 'there', 'we', 'it', 'as', 'both', 'all', 'found', 'seen', 'recorded',
  'experienced', 'achieved', 'reached', 'respectively', 'when', 'if', 'over', 'among', 'within', 'decreased', 'increased', 'improved',
  'reduced', 'differed', 'did', 'not', 'no', 'did', 'nonsignificant', 'showing', 'remained', 'led', 'gave', 'noted', 'yielded',
]);
const DROP_LEADING = /^(?:(?:substantial|significant|significantly|greater|similar|higher|lower|larger|smaller|marked|overall|total|statistically|numerically|mean|median|slight|modest|small|large|further|additional|clinically|important|relevant|mild|nonsignificant|non-significant)\s+)+/i;
const MAX_WORDS = 8;

function clean(phrase: string, arms: Set<string>, keepMean: boolean): string {
  let p = phrase.replace(/\s+/g, ' ').trim();
  p = p.replace(/^(?:(?:of|in|on|a|an|the)\s+)+/i, '');
  const lead = keepMean ? p.replace(/^(?:(?:substantial|significant|significantly|greater|similar|higher|lower|larger|smaller|marked|overall|statistically|numerically|slight|modest|small|large|further|additional)\s+)+/i, '') : p.replace(DROP_LEADING, '');
  p = lead.replace(/[\s,;:(-]+$/, '');
  const words = p.split(' ');
  if (words.length > MAX_WORDS) p = words.slice(0, MAX_WORDS).join(' ');
  if (!/[A-Za-z]{2}/.test(p) || arms.has(p.toLowerCase())) return '';
  return p.length > 80 ? p.slice(0, 80).replace(/\s\S*$/, '') : p;
}

/** The noun phrase right before the quote: "… a mean CDASI-A change from baseline of −9.36" → "mean CDASI-A change from baseline". */
function phraseBefore(norm: string, sentence: Span, quote: Span, arms: Set<string>): string {
  let before = norm.slice(sentence.start, quote.start);
  const TRAILING = /(?:\s|\b(?:of|was|were|is|are|by|at|to|in|from|reached|showed|about|approximately|only|just|a|an|the)\b|[:=,])+$/i;
  before = before.replace(TRAILING, '');
  // "the mean change in the IVIg group was −9.36": the arm phrase sits between outcome and value
  before = before.replace(/\s+(?:in|for|of|among|with)\s+(?:the\s+)?[\w/-]+(?:\s+[\w/-]+)?\s+(?:group|arm)s?$/i, '').replace(TRAILING, '');
  const tokens = before.split(/\s+/).filter((t) => t !== '');
  const kept: string[] = [];
  let skippedArm = false;
  for (let i = tokens.length - 1; i >= 0 && kept.length < MAX_WORDS + 2; i--) {
    const t = tokens[i]!;
    if (/[;:()[\]]/.test(t) || (t.endsWith(',') && kept.length > 0)) {
      const word = t.replace(/^.*[;:()[\]]/, '').replace(/,$/, '');
      if (word && !STOP_WORDS.has(word.toLowerCase()) && !/[)\]]$/.test(t)) kept.unshift(word);
      break;
    }
    const word = t.replace(/,$/, '');
    if (STOP_WORDS.has(word.toLowerCase())) break;
    if (kept.length === 0 && !skippedArm && arms.has(word.toLowerCase())) {
      skippedArm = true; // "adequate sedation midazolam 64.7%": the arm, not the outcome
      continue;
    }
    kept.unshift(word);
  }
  // "… in the IVIG group" at the end: an arm phrase, not the outcome
  return kept.join(' ').replace(/\s+(?:in|for|of)\s+(?:the\s+)?\S+\s+(?:group|arm)s?$/i, '');
}

const FORWARD =
  /^\s*(?:\([^)]{0,30}\)\s*)?of\s+(?:the\s+|all\s+|those\s+)?(?:[\w/-]+\s+){0,3}?(?:patients|participants|subjects|children|women|men|group|arm|infants|adults)(?:\s+(?:in|of|on|receiving|treated with|assigned to)\s+(?:the\s+)?[\w/-]+(?:\s+(?:group|arm))?)?\s*(?:\S*—\S*\s+)?(?:also\s+)?(?:had|experienced|achieved|reached|developed|showed|reported|were|was|with|met|attained|required|needed)\s+(.{3,80}?)(?=,|;|\s+compared|\s+versus|\s+vs\b|\s+whereas|\s+while|\s+than|\s+and\s+\d|\s+\(|\.(?:\s|$)|$)/i;
const FORWARD_DIRECT = /^\s*(?:also\s+)?(?:experienced|had|developed|reported|achieved|reached|showed)\s+(.{3,60}?)(?=,|;|\s+compared|\s+versus|\s+vs\b|\s+whereas|\s+while|\s+than|\s+\(|\.(?:\s|$)|$)/i;

/** The sentence's subject, after an opening "At week 16," / "In the X group,": "Scores indicating undersedation". */
export function subject(norm: string, sentence: Span): string {
  let s = norm.slice(sentence.start, sentence.end);
  s = s.replace(/^[-•*\s.]+/, '');
  s = s.replace(/^(?:(?:at|in|over|after|during|from|by|for|among|overall|however|moreover|similarly|compared with|within|between|on)\b[^,]{0,60},\s*)+/i, '');
  const verb = /\s(?:was|were|is|are|had|has|have|showed|did|differed|decreased|increased|improved|reduced|declined|rose|fell|remained|occurred|tended|appeared|seemed|changed|favou?red)\b/i.exec(s);
  if (!verb || verb.index > 90) return '';
  return s.slice(0, verb.index).replace(/^(?:the|a|an|there)\s+/i, '');
}

const WEAK = /^(?:(?:this|that|these|those|the same|same|it|them)\b.*|change|difference|rate|ratio|reduction|increase|decrease|value|score|proportion|percentage|group|effect|result|results|mean|median|odds ratio|hazard ratio|risk ratio|relative risk|mean difference)$/i;

/**
 * The outcome: what the value measures, as the sentence names it. `strong` is false for the
 * sentence's subject or a pronoun ("this mark"), which a caller may replace by the outcome of an
 * earlier value of the same sentence ("… −9.36 …, whereas the placebo group demonstrated a change of −1.16").
 */
export function outcomeGuess(shape: ResultShape, norm: string, sentence: Span, quote: Span, arms: Set<string>): { text: string; strong: boolean } {
  if (shape === 'sample-size' || shape === 'arm-size') return { text: '', strong: true };
  const after = norm.slice(quote.end, sentence.end);
  if (shape === 'percentage' || shape === 'count') {
    const fwd = FORWARD.exec(after) ?? FORWARD_DIRECT.exec(after);
    if (fwd) {
      const phrase = clean(fwd[1]!, arms, true);
      if (phrase && !WEAK.test(phrase)) return { text: phrase, strong: true };
    }
  }
  if (shape !== 'p-value') {
    const back = clean(phraseBefore(norm, sentence, quote, arms), arms, true);
    if (back && !WEAK.test(back)) return { text: back, strong: true };
  }
  const subj = clean(subject(norm, sentence), arms, false);
  const armOnly = subj.replace(/^(?:patients|participants|subjects)\s+(?:in|of|on)\s+(?:the\s+)?/i, '').replace(/\s+(?:group|arm)s?$/i, '');
  return { text: arms.has(armOnly.toLowerCase()) ? '' : subj, strong: false };
}
