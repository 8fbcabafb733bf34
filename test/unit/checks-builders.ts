/** Hand-built inputs for the checks tests: articles, facts, references and outcome suggestions with exact spans. */
import type { AttributionFact, FactKind, OutcomeSuggestion, ParsedReference, StudyGroup, TextSpan } from '../../shared/model/index.js';
import type { CheckedArticle } from '../../shared/checks/index.js';

export const ID = {
  a: 'a000000000000001',
  b: 'b000000000000002',
  c: 'c000000000000003',
  d: 'd000000000000004',
  e: 'e000000000000005',
} as const;

/** The span of the nth occurrence (0-based) of `exact` in `text`; throws when absent so a typo fails loudly. */
export function span(text: string, exact: string, nth = 0): TextSpan {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`"${exact}" (#${nth}) not in text`);
  }
  return { start: at, end: at + exact.length, exact };
}

/** The sentence around a span: from the previous ". " or line start to the next "." or line end. */
export function sentenceOf(text: string, s: TextSpan): TextSpan {
  let start = s.start;
  while (start > 0 && !/[\n]/.test(text[start - 1]!) && !(text[start - 1] === ' ' && text[start - 2] === '.')) start -= 1;
  let end = s.end;
  while (end < text.length && text[end] !== '\n' && !(text[end] === '.' && (end + 1 >= text.length || /\s/.test(text[end + 1]!)))) end += 1;
  if (end < text.length && text[end] === '.') end += 1;
  return { start, end, exact: text.slice(start, end) };
}

export function fact(
  text: string,
  kind: FactKind,
  value: string,
  normalised: string,
  options: { source?: 'text' | 'reference'; reference?: number; quote?: string; nth?: number } = {},
): AttributionFact {
  const source = options.source ?? (options.reference !== undefined ? 'reference' : 'text');
  return {
    kind,
    source,
    value,
    normalised,
    quote: span(text, options.quote ?? value, options.nth ?? 0),
    reference: source === 'reference' ? (options.reference ?? 0) : null,
  };
}

export function reference(text: string, quote: string, fields: Partial<Omit<ParsedReference, 'quote'>> = {}): ParsedReference {
  return {
    quote: span(text, quote),
    authors: [],
    title: null,
    journal: null,
    journalNormalised: null,
    year: null,
    volume: null,
    pages: null,
    doi: null,
    ...fields,
  };
}

export function outcome(
  articleId: string,
  text: string,
  quote: string,
  fields: Partial<Omit<OutcomeSuggestion, 'quote' | 'sentence' | 'articleId' | 'key'>> & { nth?: number } = {},
): OutcomeSuggestion {
  const { nth, ...rest } = fields;
  const q = span(text, quote, nth ?? 0);
  const shape = rest.shape ?? 'percentage';
  return {
    key: `${shape}:${q.start}:${q.end}`,
    articleId,
    shape,
    quote: q,
    sentence: sentenceOf(text, q),
    value: null,
    ciLow: null,
    ciHigh: null,
    p: null,
    n: null,
    events: null,
    sd: null,
    unit: '',
    measure: '',
    outcome: '',
    arm: '',
    timepoint: '',
    ...rest,
  };
}

export function article(
  id: string,
  text: string,
  parts: { label?: string; title?: string; doi?: string | null; year?: number | null; facts?: AttributionFact[]; references?: ParsedReference[]; outcomes?: OutcomeSuggestion[] } = {},
): CheckedArticle {
  return {
    id,
    label: parts.label ?? id,
    title: parts.title ?? '',
    doi: parts.doi ?? null,
    year: parts.year ?? null,
    text,
    facts: { articleId: id, facts: parts.facts ?? [], references: parts.references ?? [] },
    outcomes: parts.outcomes ?? [],
  };
}

export function group(id: string, articleIds: string[], fields: Partial<StudyGroup> = {}): StudyGroup {
  return { id, label: 'ProDERM', articleIds, status: 'suggested', evidence: [], ...fields };
}

/**
 * The reference case, rewritten: one news piece says The Lancet and Werth but cites the
 * EClinicalMedicine 2023 post-hoc analysis; the other cites the NEJM 2022 report by Aggarwal.
 */
export const WERTH_TEXT = [
  'A Phase 3 trial known as ProDERM supports intravenous immunoglobulin (IVIg) in dermatomyositis.',
  'This study was published in The Lancet by Victoria P. Werth and colleagues.',
  'The study, conducted from February 2017 to November 2019, enrolled 95 patients who were randomly assigned to receive either IVIg (47 patients) or a placebo (48 patients).',
  'At Week 16, 79% of IVIg patients responded.',
  'Reference:',
  'Werth, V. P., Aggarwal, R., Charles-Schoeman, C. Efficacy of IVIg in dermatomyositis: a post-hoc analysis of the ProDERM study. EClinicalMedicine, 2023;64:102234. https://doi.org/10.1016/j.eclinm.2023.102234',
].join('\n');

export const AGGARWAL_TEXT = [
  'Investigators published results from the phase 3 ProDERM trial in the New England Journal of Medicine.',
  '',
  'The phase 3 ProDERM trial looked at 95 patients aged 18 to 80 years.',
  '',
  'At 16 weeks, 79% of the IVIG patients had a TIS of at least 20.',
  '',
  'Reference',
  '',
  'Aggarwal, R., Charles-Schoeman, C., Schessl, J. et al. Trial of Intravenous Immune Globulin in Dermatomyositis. N Engl J Med 2022;387:1264-78. DOI: 10.1056/NEJMoa2117912',
].join('\n');

export function werth(overrides: Partial<CheckedArticle> = {}): CheckedArticle {
  const t = WERTH_TEXT;
  const refQuote = t.slice(t.indexOf('Werth, V. P.'));
  return {
    ...article(ID.a, t, {
      label: 'Werth 2023',
      title: 'Intravenous Immunoglobulin Demonstrates Efficacy in Treating Cutaneous Symptoms of Dermatomyositis',
      facts: [
        fact(t, 'acronym', 'ProDERM', 'proderm'),
        fact(t, 'journal', 'The Lancet', 'lancet', { quote: 'published in The Lancet' }),
        fact(t, 'lead-author', 'Werth', 'werth', { quote: 'Victoria P. Werth' }),
        fact(t, 'dates', 'from February 2017 to November 2019', '2017-02..2019-11'),
        fact(t, 'sample-size', '95', '95', { quote: 'enrolled 95 patients' }),
        fact(t, 'follow-up', 'Week 16', '16 weeks'),
        fact(t, 'journal', 'EClinicalMedicine', 'eclinicalmedicine', { reference: 0 }),
        fact(t, 'year', '2023', '2023', { reference: 0 }),
        fact(t, 'lead-author', 'Werth', 'werth', { reference: 0, quote: 'Werth, V. P.' }),
        fact(t, 'doi', '10.1016/j.eclinm.2023.102234', '10.1016/j.eclinm.2023.102234', { reference: 0 }),
        fact(t, 'acronym', 'ProDERM', 'proderm', { reference: 0, nth: 1 }),
      ],
      references: [
        reference(t, refQuote, {
          authors: ['Werth', 'Aggarwal', 'Charles-Schoeman'],
          title: 'Efficacy of IVIg in dermatomyositis: a post-hoc analysis of the ProDERM study',
          journal: 'EClinicalMedicine',
          journalNormalised: 'EClinicalMedicine',
          year: 2023,
          doi: '10.1016/j.eclinm.2023.102234',
        }),
      ],
      outcomes: [
        outcome(ID.a, t, '79%', { shape: 'percentage', value: 79, unit: '%', measure: '%', outcome: 'response', arm: 'IVIg', timepoint: 'Week 16' }),
      ],
    }),
    ...overrides,
  };
}

export function aggarwal(overrides: Partial<CheckedArticle> = {}): CheckedArticle {
  const t = AGGARWAL_TEXT;
  const refQuote = t.slice(t.indexOf('Aggarwal, R.'));
  return {
    ...article(ID.b, t, {
      label: 'Aggarwal 2022',
      title: 'Intravenous Immune Globulin May Improve Dermatomyositis Symptoms in Adults',
      facts: [
        fact(t, 'acronym', 'ProDERM', 'proderm'),
        fact(t, 'journal', 'New England Journal of Medicine', 'new england journal of medicine'),
        fact(t, 'sample-size', '95', '95', { quote: 'looked at 95 patients' }),
        fact(t, 'follow-up', '16 weeks', '16 weeks'),
        fact(t, 'journal', 'N Engl J Med', 'new england journal of medicine', { reference: 0 }),
        fact(t, 'year', '2022', '2022', { reference: 0 }),
        fact(t, 'lead-author', 'Aggarwal', 'aggarwal', { reference: 0, quote: 'Aggarwal, R.' }),
        fact(t, 'doi', '10.1056/NEJMoa2117912', '10.1056/nejmoa2117912', { reference: 0 }),
      ],
      references: [
        reference(t, refQuote, {
          authors: ['Aggarwal', 'Charles-Schoeman', 'Schessl'],
          title: 'Trial of Intravenous Immune Globulin in Dermatomyositis',
          journal: 'N Engl J Med',
          journalNormalised: 'New England Journal of Medicine',
          year: 2022,
          doi: '10.1056/NEJMoa2117912',
        }),
      ],
      outcomes: [
        outcome(ID.b, t, '79%', { shape: 'percentage', value: 79, unit: '%', measure: '%', outcome: 'response', arm: 'IVIG group', timepoint: '16 weeks' }),
      ],
    }),
    ...overrides,
  };
}
