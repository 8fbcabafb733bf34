/** Small helpers the rules share: fingerprints, quotes, rounding tolerances, display. */
import type { DiscrepancyKind, QuoteRef, Severity, SuggestedDiscrepancy, TextSpan } from '../model/index.js';
import { normaliseText } from '../duplicates/normalise.js';

export { normaliseText };

const MAX_FINGERPRINT = 500;
const MAX_PART = 120;

/** FNV-1a, 32 bit, as 8 hex digits: only to keep over-long fingerprints unique within 500 chars. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A stable key for one suggestion: the rule's kind then its parts ("journal|a1|b2|lancet|nejm"),
 * with `|` inside parts escaped. Parts are what makes the suggestion the same one next run (sorted
 * article ids, normalised values, or quote offsets), never anything order- or time-dependent.
 */
export function fingerprint(kind: string, parts: readonly (string | number)[]): string {
  const body = [kind, ...parts.map((p) => String(p).replace(/[|\\]/g, (c) => `\\${c}`).slice(0, MAX_PART))].join('|');
  return body.length <= MAX_FINGERPRINT ? body : `${body.slice(0, MAX_FINGERPRINT - 9)}#${hash(body)}`;
}

/** A span of an article as a discrepancy quote. */
export function quoteOf(articleId: string, span: TextSpan): QuoteRef {
  return { articleId, start: span.start, end: span.end, exact: span.exact };
}

/** `start-end` of a span, for fingerprints. */
export function spanKey(span: TextSpan): string {
  return `${span.start}-${span.end}`;
}

/**
 * Decimals a number was written with, as far as its value tells (64.70 reads as 64.7): the
 * finders give parsed numbers, and a dropped trailing zero only widens the tolerance.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = String(Math.abs(value));
  if (text.includes('e')) return 6;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

/** Half a unit of the last written digit: 0.5 for 65, 0.05 for 64.7. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

const EPSILON = 1e-9;

/**
 * Whether two written numbers agree once rounded to the lesser precision of the two:
 * 64.7 vs 65 agree (|d| ≤ 0.5), 79 vs 76 do not. 'borderline' when they miss by at most one more
 * half unit (64 vs 65.2), which the rules report with a low severity.
 */
export function compareRounded(a: number, b: number): 'agree' | 'borderline' | 'differ' {
  const tolerance = halfUnit(Math.min(decimalsOf(a), decimalsOf(b)));
  const diff = Math.abs(a - b);
  if (diff <= tolerance + EPSILON) return 'agree';
  if (diff <= 2 * tolerance + EPSILON) return 'borderline';
  return 'differ';
}

/** A number for a sentence: at most 2 decimals, a real minus sign kept simple ("-9.36"). */
export function formatNumber(value: number, decimals = 2): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A value as written, shortened for an explanation. */
export function shown(value: string, max = 120): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Unique by key, first wins. */
export function uniqueBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Ascending code-unit order, the same in every locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A suggestion about one article's own quotes, fingerprinted by kind, article and quote offsets. */
export function articleSuggestion(
  article: { id: string },
  kind: DiscrepancyKind,
  severity: Severity,
  explanation: string,
  spans: readonly TextSpan[],
): SuggestedDiscrepancy {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    fingerprint: fingerprint(kind, [article.id, ...sorted.map(spanKey)]),
    kind,
    severity,
    explanation,
    quotes: sorted.map((s) => quoteOf(article.id, s)),
    studyGroupId: null,
  };
}
