/** How an outcome suggestion reads in the reader: its guessed fields, its highlight, its page. */
import type { OutcomeSuggestion, PageSpan } from '../../../shared/model/index';
import type { Highlight } from './segments';

/** Numbers as a reader writes them: a real minus sign, no trailing noise. */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  return n < 0 ? `−${String(-n)}` : String(n);
}

/**
 * The values accepting would fill, labelled as the default template's outcome form labels them,
 * in the form's order; empty guesses are left out.
 */
export function suggestionFields(s: OutcomeSuggestion): { label: string; value: string }[] {
  const all = [
    { label: 'Outcome', value: s.outcome },
    { label: 'Arm', value: s.arm },
    { label: 'Time point', value: s.timepoint },
    { label: 'Measure', value: s.measure },
    { label: 'Value', value: formatNumber(s.value) },
    { label: 'Unit', value: s.unit },
    { label: 'CI low', value: formatNumber(s.ciLow) },
    { label: 'CI high', value: formatNumber(s.ciHigh) },
    { label: 'p value', value: s.p ?? '' },
    { label: 'n', value: formatNumber(s.n) },
    { label: 'SD', value: formatNumber(s.sd) },
    { label: 'Events', value: formatNumber(s.events) },
  ];
  return all.filter((f) => f.value.trim() !== '');
}

/** One line: "CDASI-A · IVIg · week 16 · mean change −9.36 points · CI −12.52 to −6.19 · p <0.0001". */
export function suggestionSummary(s: OutcomeSuggestion): string {
  const number = formatNumber(s.value);
  const withUnit = s.unit === '%' && number ? `${number}%` : [number, s.unit].filter(Boolean).join(' ');
  const value = [s.measure === s.unit || s.measure === s.outcome ? '' : s.measure, withUnit].filter(Boolean).join(' ');
  const ci = s.ciLow !== null || s.ciHigh !== null ? `CI ${formatNumber(s.ciLow)} to ${formatNumber(s.ciHigh)}` : '';
  const parts = [s.outcome, s.arm, s.timepoint, value, ci, s.p ? `p ${s.p}` : '', s.n !== null ? `n=${s.n}` : ''];
  return parts.filter(Boolean).join(' · ');
}

export function suggestionHighlights(suggestions: readonly OutcomeSuggestion[]): Highlight[] {
  return suggestions
    .filter((s) => s.quote.end > s.quote.start)
    .map((s) => ({ id: s.key, type: 'suggestion' as const, start: s.quote.start, end: s.quote.end }));
}

/** The PDF page a suggestion's quote starts on (null for text articles). */
export function pageOf(pages: readonly PageSpan[], offset: number): number | null {
  return pages.find((p) => offset >= p.start && offset < p.end)?.page ?? null;
}
