/**
 * One synthetic trial: its bibliographic facts (title, authors, journal, DOI, trial id) and its
 * numeric results as sentences. Each result sentence comes with "facts": the quote an extractor
 * would select and the outcome-record fields it would fill in, so generated outcome annotations
 * point at real numbers in the text with matching values.
 */
import { Rng } from './prng.js';
import { CONDITIONS, DRUGS, JOURNALS, OUTCOMES, SURNAMES, TIMEPOINTS, type OutcomeKind } from './vocab.js';

export interface Fact {
  /** Text an extractor selects (a number with its CI, an n/N, a ratio). Located in the final text by search. */
  quote: string;
  fields: Record<string, string>;
}

export interface Study {
  title: string;
  authors: string[];
  journal: string;
  year: number;
  doi: string;
  pmid: string;
  volume: string;
  issue: string;
  page: string;
  keywords: string[];
  trialId: string | null;
  condition: string;
  drug: string;
  comparator: string;
  nPerArm: [number, number];
  outcomes: OutcomeKind[];
  /** "−" (U+2212, as typeset journals print it) or "-". */
  minus: string;
}

const INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

function author(rng: Rng): string {
  const initials = rng.chance(0.6) ? `${rng.pick([...INITIALS])}. ${rng.pick([...INITIALS])}.` : `${rng.pick([...INITIALS])}.`;
  return `${rng.pick(SURNAMES)}, ${initials}`;
}

const TITLE_FORMS = [
  (s: Study) => `${cap(s.drug)} versus ${s.comparator} in adults with ${s.condition}: a randomised, double-blind trial`,
  (s: Study) => `Efficacy and safety of ${s.drug} in ${s.condition} (${s.trialId ?? 'a multicentre trial'})`,
  (s: Study) => `${cap(s.drug)} for ${s.condition}: results of a phase 3 randomised controlled trial`,
  (s: Study) => `Effect of ${s.drug} on ${s.outcomes[0]!.name} in patients with ${s.condition}`,
  (s: Study) => `A randomised trial of ${s.drug} added to standard care for ${s.condition}`,
  (s: Study) => `Long-term ${s.drug} treatment in ${s.condition}: ${s.nPerArm[0] + s.nPerArm[1]}-patient open-label extension`,
];

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function makeStudy(rng: Rng): Study {
  const drug = rng.pick(DRUGS);
  const comparator = rng.chance(0.65) ? 'placebo' : rng.chance(0.5) ? 'usual care' : rng.pick(DRUGS.filter((d) => d !== drug));
  const outcomes: OutcomeKind[] = [];
  const howMany = rng.int(3, 8);
  while (outcomes.length < howMany) {
    const o = rng.pick(OUTCOMES);
    if (!outcomes.includes(o)) outcomes.push(o);
  }
  const year = rng.int(1995, 2026);
  const study: Study = {
    title: '',
    authors: Array.from({ length: rng.int(2, 12) }, () => author(rng)),
    journal: rng.pick(JOURNALS),
    year,
    doi: `10.${rng.int(1000, 9999)}/${rng.pick(['j', 's', 'nejm', 'bmj', 'jama', 'ard'])}.${year}.${rng.int(10000, 999999)}`,
    pmid: String(rng.int(8000000, 39999999)),
    volume: String(rng.int(1, 400)),
    issue: String(rng.int(1, 24)),
    page: '',
    keywords: [],
    trialId: rng.chance(0.6) ? `NCT${String(rng.int(0, 99999999)).padStart(8, '0')}` : null,
    condition: rng.pick(CONDITIONS),
    drug,
    comparator,
    nPerArm: [rng.int(15, 1200), 0],
    outcomes,
    minus: rng.chance(0.5) ? '\u2212' : '-',
  };
  study.nPerArm[1] = Math.max(10, study.nPerArm[0] + rng.int(-20, 20));
  const first = rng.int(1, 2400);
  study.page = `${first}-${first + rng.int(5, 14)}`;
  study.title = rng.pick(TITLE_FORMS)(study);
  study.keywords = [cap(study.condition), cap(drug), 'Randomized Controlled Trial', rng.pick(outcomes).name];
  return study;
}

function num(value: number, decimals: number, minus: string): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 ? `${minus}${text}` : text;
}

function pValue(rng: Rng): string {
  return rng.chance(0.35) ? '<0.001' : `=${rng.fixed(0.001, 0.6, 3)}`;
}

function ciPhrase(lo: string, hi: string, rng: Rng): string {
  return rng.chance(0.5) ? `95% CI ${lo} to ${hi}` : `95% CI: ${lo}, ${hi}`;
}

/** One results sentence for an outcome at a time point, with the facts it holds. */
export function resultSentence(rng: Rng, s: Study, outcome: OutcomeKind, timepoint: string): { text: string; facts: Fact[] } {
  const m = s.minus;
  const [n1, n2] = s.nPerArm;
  const base = { outcome: outcome.name, timepoint, measure: outcome.measure, unit: outcome.unit };
  if (outcome.type === 'continuous') {
    const d = decimalsFor(outcome.scale);
    const v1 = -rng.fixed(0.3, 1.2, 3) * outcome.scale;
    const v2 = v1 * rng.fixed(0.1, 0.7, 2);
    const diff = v1 - v2;
    const half = Math.abs(diff) * rng.fixed(0.2, 0.9, 2);
    const [lo, hi] = [num(diff - half, d, m), num(diff + half, d, m)];
    const p = pValue(rng);
    const armQuote = `${num(v1, d, m)} ${outcome.unit}`.trim();
    const diffQuote = `${num(diff, d, m)} (${ciPhrase(lo, hi, rng)})`;
    const text =
      `At ${timepoint}, the ${outcome.measure} in ${outcome.name} was ${armQuote} with ${s.drug} (n = ${n1}) and ` +
      `${num(v2, d, m)} with ${s.comparator} (n = ${n2}); the difference was ${diffQuote}, p${p}.`;
    return {
      text,
      facts: [
        { quote: armQuote, fields: { ...base, arm: s.drug, value: num(v1, d, m), n: String(n1) } },
        { quote: diffQuote, fields: { ...base, measure: 'mean difference', arm: `${s.drug} vs ${s.comparator}`, value: num(diff, d, m), ci_low: lo, ci_high: hi, p_value: p.replace(/^=/, ''), n: String(n1 + n2) } },
      ],
    };
  }
  if (outcome.type === 'binary') {
    const e1 = Math.max(0, Math.round(n1 * outcome.scale * rng.fixed(0.5, 1.5, 2)));
    const e2 = Math.max(0, Math.round(n2 * outcome.scale * rng.fixed(0.6, 1.8, 2)));
    const pct = (e: number, n: number) => ((100 * e) / n).toFixed(1);
    const q1 = `${e1}/${n1} (${pct(e1, n1)}%)`;
    const q2 = `${e2}/${n2} (${pct(e2, n2)}%)`;
    const text = `By ${timepoint}, ${outcome.name} occurred in ${q1} participants receiving ${s.drug} and ${q2} receiving ${s.comparator}.`;
    return {
      text,
      facts: [
        { quote: q1, fields: { ...base, arm: s.drug, value: pct(e1, n1), events: String(e1), n: String(n1), unit: '%' } },
        { quote: q2, fields: { ...base, arm: s.comparator, value: pct(e2, n2), events: String(e2), n: String(n2), unit: '%' } },
      ],
    };
  }
  const ratio = rng.fixed(outcome.scale * 0.7, outcome.scale * 1.3, 2);
  const lo = (ratio * rng.fixed(0.6, 0.92, 2)).toFixed(2);
  const hi = (ratio * rng.fixed(1.08, 1.6, 2)).toFixed(2);
  const p = pValue(rng);
  const name = outcome.measure === 'HR' ? 'hazard ratio' : outcome.measure === 'OR' ? 'odds ratio' : 'risk ratio';
  const quote = `${name} ${ratio.toFixed(2)} (${ciPhrase(lo, hi, rng)}; p${p})`;
  const text = `For ${outcome.name} at ${timepoint}, ${s.drug} compared with ${s.comparator} gave a ${quote}.`;
  return {
    text,
    facts: [{ quote, fields: { ...base, arm: `${s.drug} vs ${s.comparator}`, value: ratio.toFixed(2), ci_low: lo, ci_high: hi, p_value: p.replace(/^=/, ''), n: String(n1 + n2) } }],
  };
}

/** Big quantities (mL, %) print one decimal, small ones (HbA1c, HAQ-DI) two. */
function decimalsFor(scale: number): number {
  return scale >= 50 ? 1 : 2;
}

export function pickTimepoint(rng: Rng): string {
  return rng.pick(TIMEPOINTS);
}
