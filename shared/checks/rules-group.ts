/**
 * Articles of one study group against each other: what each says about the study (journal, year,
 * lead author, DOI, sample size, follow-up, dates) and the results it reports for the same outcome,
 * arm and time point. Pairwise within a group only, never across all articles.
 */
import type { FactKind, OutcomeSuggestion, Severity, StudyGroup, SuggestedDiscrepancy } from '../model/index.js';
import { articleClaims, rankReferences, referenceClaims, sameValue, type Claim, type ReferenceClaims } from './claims.js';
import { outcomeKey } from './outcome-key.js';
import type { CheckedArticle } from './types.js';
import { compareRounded, compareStrings, fingerprint, formatNumber, quoteOf, shown } from './util.js';

type GroupKind = 'journal' | 'year' | 'lead-author' | 'doi' | 'sample-size' | 'follow-up' | 'dates';

/** The attribute rules, with how serious a difference is (follow-up and dates differ legitimately more often). */
const ATTRIBUTES: readonly { kind: GroupKind; severity: Severity }[] = [
  { kind: 'journal', severity: 'high' },
  { kind: 'year', severity: 'high' },
  { kind: 'lead-author', severity: 'high' },
  { kind: 'doi', severity: 'high' },
  { kind: 'sample-size', severity: 'high' },
  { kind: 'follow-up', severity: 'medium' },
  { kind: 'dates', severity: 'medium' },
];

/** "the ProDERM study", "the ProDERM trial", or "this study" when the label is a long title. */
export function studyName(group: StudyGroup): string {
  const label = shown(group.label, 200);
  if (label === '' || label.length > 40 || label.split(' ').length > 4) return 'this study';
  return /\b(study|trial)$/i.test(label) ? `the ${label}` : `the ${label} study`;
}

function explainAttribute(kind: GroupKind, study: string, a: CheckedArticle, x: Claim, b: CheckedArticle, y: Claim): string {
  const [la, lb, va, vb] = [`"${shown(a.label, 100)}"`, `"${shown(b.label, 100)}"`, shown(x.value), shown(y.value)];
  switch (kind) {
    case 'journal':
      return `${la} names ${va} for ${study}; ${lb} names ${vb}.`;
    case 'year':
      return `${la} dates ${study} to ${va}; ${lb} dates it to ${vb}.`;
    case 'lead-author':
      return `${la} names ${va} as lead author of ${study}; ${lb} names ${vb}.`;
    case 'doi':
      return `${la} gives the DOI ${va} for ${study}; ${lb} gives ${vb}.`;
    case 'sample-size':
      return `${la} gives a sample size of ${va} for ${study}; ${lb} gives ${vb}.`;
    case 'follow-up':
      return `${la} gives a follow-up of ${va} for ${study}; ${lb} gives ${vb}.`;
    case 'dates':
      return `${la} gives the dates of ${study} as ${va}; ${lb} gives ${vb}.`;
  }
}

/** What one article claims, computed once per article however many groups it is in. */
interface Prepared {
  article: CheckedArticle;
  claims: Map<FactKind, Claim[]>;
  outcomes: Map<string, OutcomeSuggestion[]>;
}

function prepare(article: CheckedArticle): Prepared {
  const ranked: ReferenceClaims[] = rankReferences(article, referenceClaims(article));
  const claims = new Map<FactKind, Claim[]>();
  for (const { kind } of ATTRIBUTES) claims.set(kind, articleClaims(article, kind, ranked));
  const outcomes = new Map<string, OutcomeSuggestion[]>();
  const sorted = [...article.outcomes].sort((p, q) => p.quote.start - q.quote.start || p.quote.end - q.quote.end);
  for (const s of sorted) {
    if (s.value === null || !Number.isFinite(s.value)) continue;
    const key = outcomeKey(s);
    if (key === null) continue;
    const list = outcomes.get(key);
    if (list) list.push(s);
    else outcomes.set(key, [s]);
  }
  return { article, claims, outcomes };
}

function valueShown(s: OutcomeSuggestion): string {
  const value = formatNumber(s.value!, 4);
  if (s.unit === '%') return `${value}%`;
  return s.unit ? `${value} ${s.unit}` : value;
}

function attributeRules(group: StudyGroup, a: Prepared, b: Prepared): SuggestedDiscrepancy[] {
  const out: SuggestedDiscrepancy[] = [];
  const study = studyName(group);
  for (const { kind, severity } of ATTRIBUTES) {
    const xs = a.claims.get(kind) ?? [];
    const ys = b.claims.get(kind) ?? [];
    if (xs.length === 0 || ys.length === 0) continue;
    if (xs.some((x) => ys.some((y) => sameValue(kind, x.normalised, y.normalised)))) continue;
    const [x, y] = [xs[0]!, ys[0]!];
    out.push({
      fingerprint: fingerprint(kind, [a.article.id, b.article.id, x.normalised.toLowerCase(), y.normalised.toLowerCase()]),
      kind,
      severity,
      explanation: explainAttribute(kind, study, a.article, x, b.article, y),
      quotes: [quoteOf(a.article.id, x.quote), quoteOf(b.article.id, y.quote)],
      studyGroupId: group.id,
    });
  }
  return out;
}

/**
 * Same outcome, arm, time point and measure in both articles: flagged when no value of one agrees
 * with any value of the other once rounded to the lesser precision (64.7 = 65; 79 ≠ 76); low
 * severity when they miss by at most one more half unit.
 */
function outcomeRules(group: StudyGroup, a: Prepared, b: Prepared): SuggestedDiscrepancy[] {
  const out: SuggestedDiscrepancy[] = [];
  const study = studyName(group);
  for (const key of [...a.outcomes.keys()].sort(compareStrings)) {
    const ys = b.outcomes.get(key);
    if (!ys) continue;
    const xs = a.outcomes.get(key)!;
    const verdicts = xs.flatMap((x) => ys.map((y) => compareRounded(x.value!, y.value!)));
    if (verdicts.includes('agree')) continue;
    const [x, y] = [xs[0]!, ys[0]!];
    const what = [x.outcome, x.arm, x.timepoint].map((p) => shown(p, 80)).join(', ');
    out.push({
      fingerprint: fingerprint('outcome-value', [a.article.id, b.article.id, key, x.value!, y.value!]),
      kind: 'outcome-value',
      severity: verdicts.includes('borderline') ? 'low' : 'high',
      explanation: `"${shown(a.article.label, 100)}" reports ${valueShown(x)} for ${what} in ${study}; "${shown(b.article.label, 100)}" reports ${valueShown(y)}.`,
      quotes: [quoteOf(a.article.id, x.quote), quoteOf(b.article.id, y.quote)],
      studyGroupId: group.id,
    });
  }
  return out;
}

/** Every pair of articles of every group (groups and members in id order, so the output is stable). */
export function groupRules(articles: ReadonlyMap<string, CheckedArticle>, groups: readonly StudyGroup[]): SuggestedDiscrepancy[] {
  const cache = new Map<string, Prepared>();
  const prepared = (article: CheckedArticle): Prepared => {
    let p = cache.get(article.id);
    if (!p) cache.set(article.id, (p = prepare(article)));
    return p;
  };
  const out: SuggestedDiscrepancy[] = [];
  for (const group of [...groups].sort((g, h) => compareStrings(g.id, h.id))) {
    const members = [...new Set(group.articleIds)]
      .sort(compareStrings)
      .map((id) => articles.get(id))
      .filter((a): a is CheckedArticle => a !== undefined)
      .map(prepared);
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        out.push(...attributeRules(group, members[i]!, members[j]!), ...outcomeRules(group, members[i]!, members[j]!));
      }
    }
  }
  return out;
}
