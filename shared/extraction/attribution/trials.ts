/**
 * Trial identifiers (NCT01234567, ISRCTN12345678, EudraCT 2016-001234-12, ACTRN…, ChiCTR…, DRKS…)
 * and trial acronyms ("known as ProDERM", "the ProDERM trial", "RECOVERY study").
 */
import type { AttributionFact } from '../../model/index.js';
import { fact, span } from './common.js';

const REGISTRY_IDS = /\b(?:NCT\s?\d{8}|ISRCTN\s?\d{8}|ACTRN\s?\d{14}|ChiCTR[-\s]?(?:[A-Z]{2,4}-)?\d{8,10}|DRKS\s?\d{8})\b/g;
const EUDRACT = /\bEudra-?CT(?:\s+(?:[Nn]o\.?|[Nn]umber|[Nn]r\.?))?\s*:?\s*((?:19|20)\d{2}-\d{6}-\d{2})\b/g;

export function trialIdFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  for (const m of text.matchAll(REGISTRY_IDS)) {
    facts.push(fact('trial-id', 'text', m[0], m[0].replace(/[\s-]+/g, '').toUpperCase(), span(text, m.index, m.index + m[0].length)));
  }
  for (const m of text.matchAll(EUDRACT)) {
    facts.push(fact('trial-id', 'text', m[0], `EUDRACT ${m[1]!}`, span(text, m.index, m.index + m[0].length)));
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}

/** An acronym-like name: two capitals or more, 3–20 characters ("ProDERM", "RECOVERY", "SPRINT-2"). */
const ACRONYM = String.raw`\p{Lu}[\p{L}\d]*\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*`;
const INTRODUCED = new RegExp(String.raw`\b(?:known\s+as|called|named|dubbed|acronym)\s+(?:the\s+)?(${ACRONYM})(?![\p{L}\d])`, 'gu');
/** The noun is the anchor; the word before it must be an acronym ("ProDERM trial", "(RECOVERY) trial"). */
const TRIAL_NOUN = /\s+(?:trial|study|studies|trials|investigators|study\s+group|programme|program)\b/g;
const ACRONYM_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\d-])(\(?(${ACRONYM})\)?)$`, 'u');
const WORD_BEFORE = /\S{1,24}$/;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

/** Abbreviations that name things other than trials (drugs, agencies, diseases, measures). */
const NOT_TRIALS = new Set([
  'IVIG', 'FDA', 'EMA', 'NIH', 'NHS', 'CDC', 'WHO', 'NICE', 'UK', 'US', 'USA', 'EU', 'RCT', 'RCTS', 'COVID', 'SARS', 'HIV',
  'AIDS', 'MRI', 'CT', 'PET', 'ICU', 'BMI', 'DNA', 'RNA', 'MRNA', 'GWAS', 'EHR', 'AE', 'AES', 'SAE', 'SAES', 'PHASE',
  'II', 'III', 'IV', 'IIB', 'IIA', 'IB', 'IA', 'NEJM', 'JAMA', 'BMJ', 'PNAS', 'CMAJ', 'PLOS', 'MD', 'PHD', 'ASCO', 'ESMO',
  'ACR', 'EULAR', 'AAD', 'AHA', 'ACC', 'ESC', 'ADA',
]);

const LOWERCASE_WORD_BEFORE = /(?:^|[^\p{L}-])(\p{Ll}[\p{Ll}-]*)\s+$/u;
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'and', 'or', 'with', 'for', 'from', 'to', 'on', 'at', 'by', 'as']);

/** Acronyms the text defines for a lowercase term, "intravenous immunoglobulin (IVIg)": terms, not trials. */
function definedTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const m of text.matchAll(/\(([^()\s]{2,20})\)/g)) {
    const before = LOWERCASE_WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (before && !FUNCTION_WORDS.has(before[1]!)) terms.add(m[1]!);
  }
  return terms;
}

function isTrialName(name: string, terms: Set<string>): boolean {
  if (name.length < 3 || name.length > 20) return false;
  const head = name.split('-')[0]!.toUpperCase();
  if (NOT_TRIALS.has(head) || NOT_TRIALS.has(name.toUpperCase())) return false;
  if (/^(?:NCT|ISRCTN|ACTRN|DRKS|ChiCTR)\d/.test(name)) return false;
  if (!/\p{L}{2}/u.test(name)) return false;
  return !terms.has(name);
}

export function acronymFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  const terms = definedTerms(text);
  const seen = new Set<number>();
  const add = (name: string, at: number, start: number, end: number): void => {
    if (seen.has(at) || !isTrialName(name, terms)) return;
    seen.add(at);
    facts.push(fact('acronym', 'text', name, name.toLowerCase(), span(text, start, end)));
  };
  for (const m of text.matchAll(INTRODUCED)) {
    const name = m[1]!;
    add(name, m.index + m[0].indexOf(name), m.index, m.index + m[0].length);
  }
  for (const anchor of text.matchAll(TRIAL_NOUN)) {
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, anchor.index - 25), anchor.index));
    if (!word) continue;
    if (!TWO_CAPITALS.test(word[0])) continue;
    const from = anchor.index - word[0].length;
    const m = ACRONYM_BEFORE.exec(text.slice(Math.max(0, from - 1), anchor.index));
    if (!m) continue;
    const name = m[2]!;
    const start = anchor.index - m[1]!.length;
    add(name, start + (m[1]!.startsWith('(') ? 1 : 0), start, anchor.index + anchor[0].length);
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}
