/**
 * Stated comparisons: a between-group or over-time result written without its numbers — "no
 * significant differences in total cholesterol … between dietary groups", "did not change over the
 * 12-month period", "HDL was significantly higher in the low-carbohydrate group than …", "a
 * significant increase in HDL", "a similar behaviour to 2% CHX". A reviewer extracts these too (an
 * outcome with a direction and no value).
 *
 * At most one per sentence (two when a contrast joins two results: "… no difference in X, but Y was
 * significantly lower …"), and none in a sentence that already carries a numeric suggestion, states
 * an aim or a hypothesis, reports another study, asks a question or only compares the groups at
 * baseline. The quote is the comparative clause as written (≤ MAX_QUOTE characters).
 */
import type { Span } from './sentences.js';
import { sentenceIndexAt } from './sentences.js';
import { subject } from './guesses.js';

/** The direction a comparison states, written into the suggestion's `measure`. */
export type ComparisonMeasure = 'no difference' | 'increase' | 'decrease' | 'higher' | 'lower' | 'similar';

export interface Comparison {
  start: number;
  end: number;
  sentence: number;
  measure: ComparisonMeasure;
  /** The outcome the clause names ("total cholesterol, triglycerides, or calculated LDL"); '' to guess. */
  outcome: string;
}

type Form = 'noun' | 'predicate';
interface Family {
  re: RegExp;
  form: Form;
  /** The measure, from the matched text; null rejects the match. */
  measure: (m: RegExpExecArray) => ComparisonMeasure | null;
  /** A comparative adjective ("higher") needs a comparator in its clause ("than", "in the X group"). */
  needsComparator?: boolean;
  /** "no difference" / "similar": never a result when it is about the groups at baseline. */
  baselineSensitive?: boolean;
}

const MAX_QUOTE = 200;
const SIGNIFICANT = '(?:statistically |clinically )?(?:significant |meaningful |relevant |notable |apparent |major |important )?';
const OBSERVED = '(?:was|were) (?:observed|found|seen|noted|detected|present|evident|shown|demonstrated|recorded)';
const NOUN_PREP = '(?:in|between|among|across|for|of|on|with respect to|with regard to|regarding|in terms of)';
const GROUPS = '(?:groups?|arms?|cohorts?)';
const GROUP_WORDS = `(?:the )?(?:(?:two|three|four|both|all|each|treatment|study|dietary|intervention|randomi[sz]ed|[\\w/+-]+ (?:and|or) (?:the )?[\\w/+-]+) )?${GROUPS}\\b`;

const UP: Record<string, ComparisonMeasure> = {
  higher: 'higher', greater: 'higher', larger: 'higher', longer: 'higher', more: 'higher', elevated: 'higher', raised: 'higher', prolonged: 'higher',
  lower: 'lower', smaller: 'lower', shorter: 'lower', less: 'lower', fewer: 'lower',
  increased: 'increase', improved: 'increase', rose: 'increase',
  reduced: 'decrease', decreased: 'decrease', lowered: 'decrease', diminished: 'decrease', declined: 'decrease', fell: 'decrease', shortened: 'decrease',
};
/** Nouns of change; an improvement counts as an increase (of the benefit), as a reviewer reads it. */
const NOUN_DIRECTION: Record<string, ComparisonMeasure> = {
  increase: 'increase', improvement: 'increase', rise: 'increase', gain: 'increase', elevation: 'increase',
  decrease: 'decrease', reduction: 'decrease', decline: 'decrease', drop: 'decrease', fall: 'decrease',
};

/** By priority: where two matches overlap, the earlier family's wins ("no significant increase" is no difference). */
const FAMILIES: Family[] = [
  {
    // "no significant differences in", "no statistically significant changes in", "No significant between-group differences were observed for", "no change in"
    re: new RegExp(
      `\\bno ${SIGNIFICANT}(?:between-groups? |inter-?group |overall )?(?<noun>differences?|changes?|effects?|increases?|decreases?|reductions?|improvements?)\\b(?<obs> ${OBSERVED})?(?: (?<prep>${NOUN_PREP})\\b)?`,
      'gi',
    ),
    form: 'noun',
    measure: (m) => (/significant|meaningful|relevant|notable|apparent|major|important/i.test(m[0]) || m.groups!.obs || m.groups!.prep ? 'no difference' : null),
    baselineSensitive: true,
  },
  {
    // "did not differ", "did not change over", "was not significantly different", "remained unchanged", "the difference was not significant"
    re: new RegExp(
      `\\b(?:(?:did|do|does) not|didn't) (?:significantly |statistically )?(?<verb>differ|change|vary|increase|decrease|improve|reduce|affect|alter)\\b(?! (?:their|his|her|its|our|these|this|that|them|it|the|any|a|an|treatment|medication|dose|dosing)\\b)` +
        `|\\b(?:was|were|is|are) not (?:statistically |significantly |statistically significantly )*(?:different|changed|altered|affected|higher|lower|greater|smaller|increased|decreased|reduced|improved)\\b` +
        `|\\bremained (?:statistically )?(?:unchanged|unaltered)\\b` +
        `|\\bdifferences? (?:between (?:the )?(?:[\\w/+-]+ ){0,4}${GROUPS} )?(?:was|were) not (?:statistically )?significant\\b`,
      'gi',
    ),
    form: 'predicate',
    measure: () => 'no difference',
    baselineSensitive: true,
  },
  {
    // "were similar between dietary groups", "was comparable in both arms", "similar to that of placebo", "exhibited a similar behaviour to"
    re: new RegExp(
      `\\b(?:was|were|is|are|remained) (?:very |broadly |largely |statistically )?(?:similar|comparable)(?= (?:(?:between|across|among|in|for) ${GROUP_WORDS}|(?:in|for|between) both\\b|to (?:that|those) (?:of|in|seen|observed|with|for)\\b|(?:with|to) (?:the |that of )?(?:placebo|control|controls|comparator)\\b))` +
        `|\\b(?:(?:exhibited|showed|had|displayed|demonstrated|produced) )?(?:an? )?similar (?:behaviou?r|effects?|response|efficacy|results?|outcomes?|improvements?|reductions?|changes?|increases?|decreases?|profiles?) (?:to|as|with|in both)\\b` +
        `|\\bsimilar to (?:that|those) (?:of|in|seen|observed|with|for)\\b`,
      'gi',
    ),
    form: 'predicate',
    measure: () => 'similar',
    baselineSensitive: true,
  },
  {
    // "was significantly higher in … than", "significantly reduced", "were significantly more frequent"
    re: /\b(?:(?:was|were|is|are|being|remained) )?(?:statistically )?significantly (?:(?<adj>higher|lower|greater|smaller|larger|longer|shorter|more|less|fewer)|(?<dir>elevated|raised|prolonged|increased|improved|rose|reduced|decreased|lowered|diminished|declined|fell|shortened))\b/gi,
    form: 'predicate',
    measure: (m) => UP[(m.groups!.adj ?? m.groups!.dir)!.toLowerCase()] ?? null,
    needsComparator: true,
  },
  {
    // "a significant increase in HDL", "a significant increase (95% CI) was noted in", "a significantly greater reduction in"
    re: new RegExp(
      `\\b(?:an? |the )?(?:statistically )?(?:significant|significantly (?:greater|larger|higher|smaller|lower)) (?:[a-z-]+ )?(?<dir>increase|improvement|rise|gain|elevation|decrease|reduction|decline|drop|fall)s?\\b(?: ?\\([^()]{0,30}\\))?(?: ${OBSERVED})?(?: (?<prep>in|of|on)\\b)?`,
      'gi',
    ),
    form: 'noun',
    measure: (m) => NOUN_DIRECTION[m.groups!.dir!.toLowerCase()] ?? null,
  },
];

/** A word every family's match holds: sentences without one are not read. */
const KEYWORDS = /similar|comparable|differ|significan|unchanged|unaltered|\bno\b|\bnot\b|n't\b/gi;

/** Aims, hypotheses, power calculations, conditionals: a comparison that is planned, not found. */
const HYPOTHETICAL =
  /\b(?:whether|hypothes[ie][sz]\w*|to (?:test|detect|compare|assess|evaluate|determine|investigate|examine|explore|demonstrate|show|establish)|aim(?:s|ed)?|objectives?|purpose|designed|expected?|would|could|might|should|assum\w+|if)\b/i;
/** Another study's finding (the introduction, the discussion): a citation, "et al.", "previous studies". */
const LITERATURE =
  /\bet al\b|\[\d{1,3}(?:[ ]?[,-][ ]?\d{1,3})*\]|\((?:\d{1,3}(?:[ ]?[,-][ ]?\d{1,3})*)\)|\([A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][A-Za-z-]+)?,? (?:19|20)\d{2}[a-z]?\)|\b(?:previous|prior|earlier|other|several|many|some|recent|published|similar) (?:studies|trials|reports|investigators|authors|research|work)\b|\bstudies (?:have|has)\b|\b(?:has|have) (?:been|also been) (?:shown|reported|demonstrated|found)\b|\bmeta-analys[ie]s\b|\bliterature\b|[a-z)]\.\d{1,3}(?:[,-]\d{1,3})*(?=\s|$)/i;
/** The groups at baseline (not a result): "similar at baseline", "no differences in baseline characteristics", "comparable in age and sex". */
const BASELINE = /\bbaseline\b|\bdemographic|\bcharacteristics\b|\bat (?:entry|enrol?ment|randomi[sz]ation|admission|inclusion|study entry)\b|\b(?:prior to|before) (?:treatment|randomi[sz]ation|surgery|the intervention|the study)\b|\b(?:age|sex|gender|ethnicity|race)\b/i;
const NOT_BASELINE = /\b(?:from|over|since|relative to|compared (?:with|to)|(?:adjust\w*|controll\w*|correct\w*) for(?: the)?) baseline\b|\bbaseline to\b/gi;
/** Words of a change over time, which make a baseline-mentioning clause a result ("… at baseline and did not change"). */
const CHANGE = /\bchang|\bover the\b|\bafter\b|\bfollow-?up\b|\bend of\b|\bduring\b|\bpost-?(?:operative|treatment|intervention)\b/i;
/** A comparator for "significantly higher": than / versus / a group / baseline / time. */
const COMPARATOR = /\b(?:than|compared|comparison|versus|vs|relative to|groups?|arms?|patients|participants|subjects|from baseline|after|following|over|at (?:week|month|day|year)|treated|receiving)\b/i;
/** Where a comparative clause ends. */
const CLAUSE_END =
  /;|\[|\((?:see |Table|Fig|Supplement|Additional|appendix)|,? (?:but|whereas|while|although|though|however|except|suggesting|indicating|despite)\b|, (?:which|as|with the exception|and (?:there|this|these|it|a|an|no|the)\b)| and (?:was|were|did|had|is|are|remained|showed)\b/i;
const TRAILING = /(?:[\s,:(-]|\b(?:and|or|the|a|an|in|of|for|with|to|at|by|on|was|were|between|among|than|versus|vs|compared)\b)+$/i;
/** What ends the outcome a noun clause names ("no differences in X between …"). */
const OUTCOME_END =
  /(?:^|\s)(?:for (?:the |all |those )?(?:patients|participants|subjects|women|men|children|those)|between|among|across|in (?:the|either|both|any|all|each|patients|participants|subjects|those|this|these|treated|women|men|children)|at|after|during|over|from|compared|versus|vs\.?|relative|than|when|with (?:the|a|an)|following|throughout|by|was|were|is|are|had|has|have|supports?|suggests?|indicates?)\b|,? (?:which|but|whereas|while|although|as)\b|;|$/i;
const OUTCOME_AFTER_BETWEEN = /^.{0,80}?\s(?:in|on|for|regarding|with respect to|with regard to|in terms of)\s/i;
const NEGATED_BEFORE = /\b(?:not|no|nor|without)\s+(?:an?\s+)?$/i;
const CLAUSE_OPENER = /^(?:(?:at|in|over|after|during|from|by|for|among|overall|however|moreover|similarly|furthermore|additionally|compared with|within|on|according to|as expected|thus|therefore|finally)\b[^,]{0,60},\s*)+/i;
const VERBISH = /\b(?:was|were|is|are|did|do|does|had|has|have|showed|shown|found|observed|and (?:did|was|were))\b/i;

/** Spans of a sentence's text blanked of the "from baseline"-type phrases, for the baseline test. */
function mentionsBaseline(s: string): boolean {
  return BASELINE.test(s.replace(NOT_BASELINE, ' '));
}

/** Where the comparative clause starting at `start` ends (exclusive), within the sentence. */
function clauseEnd(norm: string, start: number, matchEnd: number, sentence: Span): number {
  const rest = norm.slice(matchEnd, Math.min(sentence.end, start + MAX_QUOTE));
  const stop = CLAUSE_END.exec(rest);
  let end = stop ? matchEnd + stop.index : matchEnd + rest.length;
  if (!stop && start + MAX_QUOTE < sentence.end) {
    // capped: end at the last word boundary
    const cut = norm.lastIndexOf(' ', end);
    if (cut > matchEnd) end = cut;
  }
  let text = norm.slice(start, end);
  text = text.replace(/[.!?]+$/, '');
  // trailing joiners and a bracket that opened and did not close
  for (let i = 0; i < 3; i++) {
    const open = text.lastIndexOf('(');
    if (open > matchEnd - start && text.indexOf(')', open) < 0) text = text.slice(0, open);
    text = text.replace(TRAILING, '');
  }
  return Math.max(start + text.length, matchEnd);
}

/** The clause's subject before a predicate ("HDL" of "HDL was significantly higher"), or '' when it is not a plain noun phrase. */
function subjectBefore(norm: string, sentence: Span, at: number): { start: number; text: string } | null {
  const before = norm.slice(sentence.start, at);
  const cut = Math.max(before.lastIndexOf('; '), before.search(/\b(?:that|whereas|while|but)\s+(?!.*\b(?:that|whereas|while|but)\s)/i));
  let from = cut >= 0 ? cut + before.slice(cut).search(/\s/) + 1 : 0;
  const opener = CLAUSE_OPENER.exec(before.slice(from));
  if (opener) from += opener[0].length;
  const text = before.slice(from).replace(/^(?:there\s+)/i, '');
  if (text.trim() === '' || text.length > 100 || VERBISH.test(text) || /[,;:]\s*$/.test(text)) return null;
  return { start: sentence.start + from + (before.slice(from).length - text.length), text: text.trim() };
}

/** The outcome a noun clause names after its preposition ("no differences in X between …" → X). */
function outcomeOfNoun(norm: string, matchEnd: number, quoteEnd: number, prep: string | undefined): string {
  let rest = norm.slice(matchEnd, quoteEnd);
  if (prep === undefined) {
    const after = /^\s*(?:\([^()]{0,30}\)\s*)?(?:was|were)\s+(?:observed|found|seen|noted|detected|present)\s+(?:in|of|for|on)\s/i.exec(rest);
    if (!after) return '';
    rest = rest.slice(after[0].length);
  } else if (/^(?:between|among|across)$/i.test(prep)) {
    const after = OUTCOME_AFTER_BETWEEN.exec(rest);
    if (!after) return '';
    rest = rest.slice(after[0].length);
  }
  return objectOf(rest);
}

/** The noun phrase opening `rest`, up to where the outcome ends. */
function objectOf(rest: string): string {
  const text = rest.replace(/^\s*(?:(?:either|both|the|all)\s+)*/i, '');
  const stop = OUTCOME_END.exec(text);
  return stop ? text.slice(0, stop.index) : text;
}

/** An outcome phrase as a reviewer reads it: no bracketed abbreviations, no leading article, ≤ 80 characters. */
function tidy(phrase: string, arms: Set<string>): string {
  let p = phrase.replace(/\s*\([^()]{0,40}\)/g, '').replace(/\s+/g, ' ').trim();
  p = p.replace(/^(?:(?:of|in|on|a|an|the|there|no|significant|statistically|significantly)\s+)+/i, '').replace(/(?:[\s,;:(-]|\b(?:also|and|or|the|in|of|for|with|to)\b)+$/i, '');
  if (p.length > 80) p = p.slice(0, 80).replace(/[\s,]+\S*$/, '');
  if (!/[A-Za-z]/.test(p) || p.length < 2 || arms.has(p.toLowerCase())) return '';
  if (/^\d/.test(p) || /^we\b/i.test(p) || /^(?:there|it|this|these|those|we|they|differences?|changes?|effects?|(?:(?:the|both|all|two|each|treatment|study)\s+)*(?:groups?|arms?|patients|participants|subjects))$/i.test(p)) return '';
  return p;
}

/**
 * The sentence's end for a quote: a sentence the text wraps at a line break ("… were observed between\nthe
 * group …") runs on to the next line when that line continues it (lower case, or a digit).
 */
function wrappedEnd(norm: string, sentences: Span[], si: number, skip: (sentence: number) => boolean): number {
  let end = sentences[si]!.end;
  for (let i = si + 1; i < sentences.length && i <= si + 2; i++) {
    const gap = norm.slice(end, sentences[i]!.start);
    if (skip(i) || /[.!?:]["')\]]?$/.test(norm.slice(end - 2, end)) || !/^[ ]*\r?\n[ ]*$/.test(gap) || !/^[a-z0-9(]/.test(norm[sentences[i]!.start]!)) break;
    end = sentences[i]!.end;
  }
  return end;
}

/** Between those who completed and those who dropped out, or a subsample against its parent population: not a result. */
const NOT_A_RESULT = /\bwho (?:completed|dropped out|withdrew|were lost|did not complete)\b|\bsimilar to (?:that|those) of the (?:entire|whole|overall|total|general|parent|original|main)\b/i;

/** Every stated comparison of the text, with the sentence it sits in. `skip(i)` rules a sentence out (a numeric suggestion, a reference line). */
export function findComparisons(norm: string, sentences: Span[], arms: Set<string>, skip: (sentence: number) => boolean): Comparison[] {
  interface Hit extends Comparison {
    family: number;
  }
  const hits: Hit[] = [];
  const verdict = new Map<number, boolean>();
  // the families run only over the stretches of sentences that hold one of their words, which keeps them fast
  const stretches: Span[] = [];
  for (const k of norm.matchAll(KEYWORDS)) {
    const si = sentenceIndexAt(sentences, k.index);
    if (si < 0) continue;
    const s = sentences[si]!;
    const last = stretches[stretches.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else stretches.push({ start: s.start, end: s.end });
  }
  const matches = (re: RegExp): RegExpExecArray[] => {
    const out: RegExpExecArray[] = [];
    for (const st of stretches) {
      for (const m of norm.slice(st.start, st.end).matchAll(re)) {
        m.index += st.start;
        out.push(m);
      }
    }
    return out;
  };
  FAMILIES.forEach((family, fi) => {
    for (const m of matches(family.re)) {
      const si = sentenceIndexAt(sentences, m.index);
      if (si < 0) continue;
      let ok = verdict.get(si);
      if (ok === undefined) {
        const s = sentences[si]!;
        const text = norm.slice(s.start, wrappedEnd(norm, sentences, si, skip));
        ok = !skip(si) && !/\?\s*$/.test(text) && !LITERATURE.test(text);
        verdict.set(si, ok);
      }
      if (!ok) continue;
      const sentence = { start: sentences[si]!.start, end: wrappedEnd(norm, sentences, si, skip) };
      // an aim, a hypothesis, a condition written before the comparison: planned, not found
      if (HYPOTHETICAL.test(norm.slice(sentence.start, m.index + m[0].length))) continue;
      let measure = family.measure(m);
      if (measure === null) continue;
      const matchEnd = m.index + m[0].length;
      if (NEGATED_BEFORE.test(norm.slice(Math.max(sentence.start, m.index - 12), m.index))) {
        if (measure === 'similar') continue;
        measure = 'no difference';
      }
      let start = m.index;
      let subj = '';
      if (family.form === 'predicate') {
        const before = subjectBefore(norm, sentence, m.index);
        if (before) {
          start = before.start;
          subj = before.text;
        }
      }
      const end = clauseEnd(norm, start, matchEnd, sentence);
      const quote = norm.slice(start, end);
      if (NOT_A_RESULT.test(quote)) continue;
      if (family.needsComparator && m.groups?.adj && !COMPARATOR.test(quote.slice(m.index - start))) continue;
      // "were similar at baseline", "no differences in baseline characteristics": the groups before the trial, unless the clause states a change
      if (family.baselineSensitive && mentionsBaseline(norm.slice(sentence.start, end)) && !CHANGE.test(quote)) continue;
      let outcome: string;
      const verbObject = /^(?:increase|decrease|improve|reduce|affect|alter)$/i.test(m.groups?.verb ?? '') || (family.needsComparator && !/^(?:was|were|is|are|being|remained)\b/i.test(m[0]));
      if (family.form === 'noun') outcome = outcomeOfNoun(norm, matchEnd, end, m.groups?.prep);
      else if (verbObject) outcome = objectOf(norm.slice(matchEnd, end));
      else if (/^similar to\b/i.test(m[0])) outcome = /\b(?:had|has|have|showed|produced|achieved|with)\s+(.{3,80}?)\s*$/i.exec(norm.slice(sentence.start, m.index))?.[1] ?? '';
      else outcome = subj;
      outcome = tidy(outcome, arms) || tidy(subject(norm, sentences[si]!), arms);
      hits.push({ start, end, sentence: si, measure, outcome, family: fi });
    }
  });
  // by sentence: the first result, and a second only across a contrast ("…, but …") with another direction
  hits.sort((a, b) => a.start - b.start || a.family - b.family);
  const out: Comparison[] = [];
  let last: Hit | null = null;
  let inSentence = 0;
  for (const h of hits) {
    if (last && h.start < last.end) continue;
    if (last && last.sentence === h.sentence) {
      if (inSentence >= 2 || h.measure === last.measure) continue;
      if (!/;|\b(?:but|whereas|while|although|however)\b/i.test(norm.slice(last.end, h.start))) continue;
      inSentence++;
    } else inSentence = 1;
    out.push({ start: h.start, end: h.end, sentence: h.sentence, measure: h.measure, outcome: h.outcome });
    last = h;
  }
  return out;
}
