/**
 * What every outcome pattern shares: the candidate it yields, the article context it may consult,
 * and the look-back for a label written before a match.
 */
import type { ResultShape } from '../../model/index.js';

export interface Candidate {
  shape: ResultShape;
  start: number;
  end: number;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: string | null;
  n: number | null;
  events: number | null;
  sd: number | null;
  unit: string;
  /** The measure the quote itself names ("HR", "odds ratio"); '' to guess from the sentence. */
  label: string;
  /** The arm the pattern itself read ("IVIg (47 patients)"); '' to guess. */
  arm: string;
}

/** What the patterns may consult about the whole article. */
export interface PatternContext {
  /** Lower-cased arm names the article uses ("ivig", "placebo"). */
  arms: Set<string>;
  /** The article prints "mean (SD)" columns, so "5.5 [1.6]" is a mean and its SD. */
  bareSd: boolean;
}

export const POPULATION =
  '(?:patients|participants|subjects|individuals|people|persons|women|men|children|adults|infants|neonates|newborns|volunteers|households|cases|pregnant women|mothers|students|eyes|teeth)';

export const emptyCandidate = (shape: ResultShape, start: number, end: number): Candidate => ({
  shape, start, end, value: null, ciLow: null, ciHigh: null, p: null, n: null, events: null, sd: null, unit: '', label: '', arm: '',
});

export type Groups = Record<string, string | undefined>;
export interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray, g: Groups, text: string, ctx: PatternContext) => Candidate | null;
}

/** A label written right before a match, found by looking back (patterns start at a number, which keeps them fast). */
interface Before {
  start: number;
  groups: Groups;
}
export function lookBack(re: RegExp, text: string, at: number, width = 60): Before | null {
  const from = Math.max(0, at - width);
  const m = re.exec(text.slice(from, at));
  return m ? { start: from + m.index, groups: (m.groups ?? {}) as Groups } : null;
}
