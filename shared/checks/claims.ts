/**
 * What an article says about the study it reports on: the claims of its running text and of each
 * entry of its own reference list, in comparable (normalised) form, each with the quote to link.
 */
import type { AttributionFact, FactKind, TextSpan } from '../model/index.js';
import { foldSurname } from '../extraction/attribution/common.js';
import { normaliseDoi } from '../duplicates/normalise.js';
import { normaliseJournal } from '../journals/index.js';
import type { CheckedArticle } from './types.js';
import { normaliseText, uniqueBy } from './util.js';

/** One claim: a value as written, its comparable form, and where it was said. */
export interface Claim {
  kind: FactKind;
  value: string;
  normalised: string;
  quote: TextSpan;
  source: 'text' | 'reference';
}

/** What one entry of the article's reference list says about the paper it cites. */
export interface ReferenceClaims {
  index: number;
  journal: Claim | null;
  year: Claim | null;
  author: Claim | null;
  doi: Claim | null;
  /** Folded surnames of all its authors, first author first. */
  authors: string[];
  /** Folded title and reference text, for acronym matches. */
  words: string;
}

/** The kinds a reference entry can say something about. */
export type ReferenceKind = 'journal' | 'year' | 'lead-author' | 'doi';

export function referenceClaim(ref: ReferenceClaims, kind: ReferenceKind): Claim | null {
  if (kind === 'journal') return ref.journal;
  if (kind === 'year') return ref.year;
  if (kind === 'lead-author') return ref.author;
  return ref.doi;
}

/** A journal name as a comparable key: the journal list's key, then folded, without a leading "the". */
export function journalKey(name: string): string {
  const key = normaliseText(normaliseJournal(name).key || name);
  return key.replace(/^the /, '');
}

/** Same person by surname, tolerant of particles ("van der Berg" = "Berg"). */
export function sameSurname(a: string, b: string): boolean {
  const x = foldSurname(a);
  const y = foldSurname(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const lastX = x.split(' ').pop()!;
  const lastY = y.split(' ').pop()!;
  return lastX === lastY && lastX.length > 2;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

/** "16 weeks", "week 16", "12 months" → [16, 'week']; null when it is not a duration. */
function duration(value: string): [number, string] | null {
  const text = normaliseText(value);
  const m = /(\d+(?:\s\d+)?)\s*(day|week|month|year)s?\b/.exec(text) ?? /\b(day|week|month|year)s?\s*(\d+)/.exec(text);
  if (!m) return null;
  const [num, unit] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return [Number(num.replace(' ', '.')), unit];
}

/** "2017-02..2019-11" against "2017..2019": each end agrees when one is a prefix of the other. */
function sameDates(a: string, b: string): boolean {
  const x = a.split('..').map((s) => s.trim());
  const y = b.split('..').map((s) => s.trim());
  if (x.length !== y.length) return a.trim() === b.trim();
  return x.every((s, i) => {
    const t = y[i]!;
    return s === t || (s !== '' && t !== '' && (s.startsWith(t) || t.startsWith(s)));
  });
}

/** Whether two normalised values of one kind say the same thing. */
export function sameValue(kind: FactKind, a: string, b: string): boolean {
  switch (kind) {
    case 'journal':
      return a.trim().toLowerCase() === b.trim().toLowerCase() || journalKey(a) === journalKey(b);
    case 'lead-author':
      return sameSurname(a, b);
    case 'doi':
      return (normaliseDoi(a) ?? a.trim().toLowerCase()) === (normaliseDoi(b) ?? b.trim().toLowerCase());
    case 'year':
    case 'sample-size': {
      const x = Number(a.replace(/[^\d.]/g, ''));
      const y = Number(b.replace(/[^\d.]/g, ''));
      return a.trim() === b.trim() || (Number.isFinite(x) && Number.isFinite(y) && /\d/.test(a) && /\d/.test(b) && x === y);
    }
    case 'follow-up': {
      const x = duration(a);
      const y = duration(b);
      if (!x || !y) return normaliseText(a) === normaliseText(b);
      if (x[1] === y[1]) return x[0] === y[0];
      // 12 months = 1 year exactly; weeks against months only roughly (16 weeks ≈ 4 months).
      const months = (d: [number, string]): number | null => (d[1] === 'year' ? d[0] * 12 : d[1] === 'month' ? d[0] : null);
      const [mx, my] = [months(x), months(y)];
      if (mx !== null && my !== null) return mx === my;
      const days = (d: [number, string]): number => d[0] * (UNIT_DAYS[d[1]] ?? 1);
      return Math.abs(days(x) - days(y)) <= 0.1 * Math.max(days(x), days(y));
    }
    case 'dates':
      return sameDates(a, b);
    default:
      return normaliseText(a) === normaliseText(b);
  }
}

function claimOfFact(fact: AttributionFact): Claim {
  return { kind: fact.kind, value: fact.value, normalised: fact.normalised, quote: fact.quote, source: fact.source };
}

/** The running text's claims of one kind, in reading order, one per distinct value. */
export function textClaims(article: CheckedArticle, kind: FactKind): Claim[] {
  const facts = article.facts.facts
    .filter((f) => f.kind === kind && f.source === 'text' && f.normalised.trim() !== '')
    .sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
  const claims: Claim[] = [];
  for (const fact of facts) {
    if (claims.some((c) => sameValue(kind, c.normalised, fact.normalised))) continue;
    claims.push(claimOfFact(fact));
  }
  return claims;
}

/** Whether the article has a reference list to compare its text with. */
export function hasReferences(article: CheckedArticle): boolean {
  return article.facts.references.length > 0 || article.facts.facts.some((f) => f.source === 'reference');
}

/** Each reference entry's claims: the finder's reference facts, else the parsed reference's fields. */
export function referenceClaims(article: CheckedArticle): ReferenceClaims[] {
  const { references, facts } = article.facts;
  const indices = new Set<number>(references.map((_, i) => i));
  for (const f of facts) if (f.source === 'reference' && f.reference !== null) indices.add(f.reference);
  const out: ReferenceClaims[] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const ref = references[index];
    const own = facts.filter((f) => f.source === 'reference' && f.reference === index).sort((a, b) => a.quote.start - b.quote.start);
    const fact = (kind: FactKind): Claim | null => {
      const f = own.find((x) => x.kind === kind && x.normalised.trim() !== '');
      return f ? claimOfFact(f) : null;
    };
    const fallback = (kind: FactKind, value: string | null, normalised: string | null): Claim | null =>
      ref && value && normalised ? { kind, value, normalised, quote: ref.quote, source: 'reference' } : null;
    const journalName = ref?.journalNormalised ?? ref?.journal ?? null;
    const firstAuthor = ref?.authors[0] ?? null;
    const doi = ref?.doi ? normaliseDoi(ref.doi) : null;
    const author = fact('lead-author') ?? fallback('lead-author', firstAuthor, firstAuthor ? foldSurname(firstAuthor) : null);
    const authors = (ref?.authors ?? []).map(foldSurname).filter((s) => s !== '');
    if (author && !authors.some((a) => sameSurname(a, author.normalised))) authors.unshift(foldSurname(author.normalised));
    out.push({
      index,
      journal: fact('journal') ?? fallback('journal', ref?.journal ?? journalName, journalName ? journalKey(journalName) : null),
      year: fact('year') ?? fallback('year', ref?.year != null ? String(ref.year) : null, ref?.year != null ? String(ref.year) : null),
      author,
      doi: fact('doi') ?? fallback('doi', ref?.doi ?? null, doi),
      authors,
      words: ` ${normaliseText(`${ref?.title ?? ''} ${ref?.quote.exact ?? ''} ${own.map((f) => f.value).join(' ')}`)} `,
    });
  }
  return out;
}

/**
 * The article's references, the one most likely to be "the study" first: the one whose first
 * author, acronym, journal or year the text names (ties keep the list order).
 */
export function rankReferences(article: CheckedArticle, refs: readonly ReferenceClaims[]): ReferenceClaims[] {
  const authors = textClaims(article, 'lead-author');
  const journals = textClaims(article, 'journal');
  const years = textClaims(article, 'year');
  const acronyms = uniqueBy(
    article.facts.facts.filter((f) => f.kind === 'acronym').map((f) => normaliseText(f.normalised || f.value)),
    (s) => s,
  ).filter((s) => s !== '');
  const score = (ref: ReferenceClaims): number => {
    let s = 0;
    if (ref.author && authors.some((a) => sameSurname(a.normalised, ref.author!.normalised))) s += 4;
    else if (authors.some((a) => ref.authors.some((r) => sameSurname(a.normalised, r)))) s += 1;
    if (acronyms.some((a) => ref.words.includes(` ${a} `))) s += 3;
    if (ref.journal && journals.some((j) => sameValue('journal', j.normalised, ref.journal!.normalised))) s += 2;
    if (ref.year && years.some((y) => sameValue('year', y.normalised, ref.year!.normalised))) s += 1;
    return s;
  };
  return refs
    .map((ref) => ({ ref, s: score(ref) }))
    .sort((a, b) => b.s - a.s || a.ref.index - b.ref.index)
    .map((x) => x.ref);
}

/**
 * What the article claims for one attribute of the study: its running text's values if it names
 * any, else the best-ranked reference's. DOIs, sizes, follow-up and dates come from the text only:
 * citing a different paper of the same trial is no discrepancy, a different DOI given for it is.
 */
export function articleClaims(article: CheckedArticle, kind: FactKind, ranked: readonly ReferenceClaims[]): Claim[] {
  const text = textClaims(article, kind);
  if (text.length > 0 || kind === 'doi' || (kind !== 'journal' && kind !== 'year' && kind !== 'lead-author')) return text;
  for (const ref of ranked) {
    const claim = referenceClaim(ref, kind);
    if (claim) return [claim];
  }
  return [];
}
