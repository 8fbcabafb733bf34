/**
 * Comparable keys for outcome suggestions: two articles report "the same result" when outcome,
 * arm, time point and measure all normalise to the same non-empty words.
 */
import type { OutcomeSuggestion } from '../model/index.js';
import { normaliseText } from './util.js';

const OUTCOME_STOP = new Set(['the', 'a', 'an', 'of', 'in', 'at', 'on', 'for', 'with', 'to', 'from', 'by', 'and', 'score', 'scores']);
const ARM_STOP = new Set([...OUTCOME_STOP, 'group', 'groups', 'arm', 'arms', 'patients', 'participants', 'subjects', 'treated', 'receiving', 'received', 'who']);

/** Sorted distinct words without filler: "change in CDASI-A" = "CDASI-A change". */
function wordKey(value: string, stop: ReadonlySet<string>): string {
  const words = normaliseText(value)
    .split(' ')
    .filter((w) => w !== '' && !stop.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** "week 16", "16 weeks", "Week 16" → "16 week"; other time points by their words. */
export function timepointKey(value: string): string {
  const text = normaliseText(value);
  const m = /(\d+)\s*(day|week|month|year)s?\b/.exec(text) ?? /\b(day|week|month|year)s?\s*(\d+)/.exec(text);
  if (m) return /^\d/.test(m[1]!) ? `${Number(m[1])} ${m[2]}` : `${Number(m[2])} ${m[1]}`;
  return wordKey(value, OUTCOME_STOP);
}

const MEASURES: Record<string, string> = {
  '%': '%',
  percent: '%',
  percentage: '%',
  proportion: '%',
  hr: 'hr',
  'hazard ratio': 'hr',
  or: 'or',
  'odds ratio': 'or',
  rr: 'rr',
  'risk ratio': 'rr',
  'relative risk': 'rr',
  md: 'md',
  'mean difference': 'md',
  smd: 'smd',
  'standardised mean difference': 'smd',
  'standardized mean difference': 'smd',
  rd: 'rd',
  'risk difference': 'rd',
  'mean change': 'mean change',
  mean: 'mean',
  median: 'median',
  n: 'n',
};

export function measureKey(value: string): string {
  const text = normaliseText(value.replace(/%/g, ' percent '));
  return MEASURES[text] ?? text;
}

/** The comparison key of an outcome suggestion, or null when any of the four parts is missing. */
export function outcomeKey(s: OutcomeSuggestion): string | null {
  const parts = [wordKey(s.outcome, OUTCOME_STOP), wordKey(s.arm, ARM_STOP), timepointKey(s.timepoint), measureKey(s.measure)];
  return parts.every((p) => p !== '') ? parts.join(' / ') : null;
}

/** Ratio measures have no effect at 1, difference measures at 0; others have no null value. */
export function nullValue(measure: string): 0 | 1 | null {
  const key = measureKey(measure);
  if (key === 'hr' || key === 'or' || key === 'rr') return 1;
  if (key === 'md' || key === 'smd' || key === 'rd' || key === 'difference') return 0;
  return null;
}
