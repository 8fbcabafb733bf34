/**
 * Outcome records as a CSV for meta-analysis software (RevMan's data import, R's meta/metafor,
 * Stata's meta): one row per record that has numbers to pool, ordered by outcome, time point,
 * study and group. The data type follows from what was extracted:
 *   dichotomous  events (and n) filled
 *   continuous   value (the mean) with SD
 *   estimate     value with both CI bounds: generic inverse variance, SE from the 95% CI —
 *                (ln high − ln low) / 3.92 for ratio measures (OR, RR, HR: the SE of the log
 *                estimate, as RevMan expects), (high − low) / 3.92 otherwise.
 * Records with none of these (no numbers, or "<0.001"-style values) are left out: the file must
 * stay plain CSV, which comment lines would break; the sheet and XLSX show every record.
 * Reads the default template's keys (outcome, timepoint, arm, measure, value, sd, events, n,
 * ci_low, ci_high); templates without them yield no rows.
 */
import type { SheetRecordRow } from '../../../shared/model/index.js';
import type { SheetData } from '../../../shared/sheet/build.js';
import { numberOf, valueText } from './cells.js';
import { toCsv } from './csv.js';

export const REVMAN_COLUMNS = ['Study', 'Outcome', 'Time point', 'Group', 'Data type', 'Mean', 'SD', 'Events', 'N', 'Estimate', 'CI low', 'CI high', 'SE', 'Measure'] as const;

export type RevmanDataType = 'dichotomous' | 'continuous' | 'estimate';

export interface RevmanRow {
  study: string;
  outcome: string;
  timepoint: string;
  group: string;
  dataType: RevmanDataType;
  mean: number | null;
  sd: number | null;
  events: number | null;
  n: number | null;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  se: number | null;
  measure: string;
}

/** z for a two-sided 95% interval, doubled: a 95% CI spans 2 × 1.96 standard errors. */
const CI_WIDTH_IN_SE = 3.92;
const RATIO_MEASURE = /\b(OR|RR|HR|IRR|odds ratio|risk ratio|hazard ratio|rate ratio|relative risk)\b/i;

export function isRatioMeasure(measure: string): boolean {
  return RATIO_MEASURE.test(measure);
}

/** SE from a 95% CI; null when the bounds cannot give one (reversed, or not positive for a ratio). */
export function seFromCi(low: number, high: number, ratio: boolean): number | null {
  if (!(high > low)) return null;
  if (ratio) return low > 0 ? round((Math.log(high) - Math.log(low)) / CI_WIDTH_IN_SE) : null;
  return round((high - low) / CI_WIDTH_IN_SE);
}

/** Six significant digits: more than any reported CI carries, and no 0.30000000000000004 noise. */
function round(n: number): number {
  return Number(n.toPrecision(6));
}

function num(row: SheetRecordRow, key: string): number | null {
  return numberOf(valueText(row.values[`o.${key}`]));
}

function text(row: SheetRecordRow, key: string): string {
  return valueText(row.values[`o.${key}`]).trim();
}

export function revmanRow(row: SheetRecordRow): RevmanRow | null {
  const value = num(row, 'value');
  const sd = num(row, 'sd');
  const events = num(row, 'events');
  const low = num(row, 'ci_low');
  const high = num(row, 'ci_high');
  const measure = text(row, 'measure');
  const base = {
    study: row.articleLabel,
    outcome: text(row, 'outcome'),
    timepoint: text(row, 'timepoint'),
    group: text(row, 'arm'),
    n: num(row, 'n'),
    measure,
    mean: null,
    sd: null,
    events: null,
    estimate: null,
    ciLow: null,
    ciHigh: null,
    se: null,
  };
  if (events !== null) return { ...base, dataType: 'dichotomous', events };
  if (value !== null && sd !== null) return { ...base, dataType: 'continuous', mean: value, sd };
  if (value !== null && low !== null && high !== null) {
    const se = seFromCi(low, high, isRatioMeasure(measure));
    if (se !== null) return { ...base, dataType: 'estimate', estimate: value, ciLow: low, ciHigh: high, se };
  }
  return null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function revmanRows(sheet: SheetData): RevmanRow[] {
  const rows = sheet.rows.flatMap((r) => {
    if (r.annotationId === null) return [];
    const out = revmanRow(r);
    return out ? [out] : [];
  });
  return rows.sort(
    (a, b) =>
      collator.compare(a.outcome, b.outcome) ||
      collator.compare(a.timepoint, b.timepoint) ||
      collator.compare(a.study, b.study) ||
      collator.compare(a.group, b.group),
  );
}

export function revmanCsv(sheet: SheetData): string {
  const records = revmanRows(sheet).map((r) => [
    r.study, r.outcome, r.timepoint, r.group, r.dataType, r.mean, r.sd, r.events, r.n, r.estimate, r.ciLow, r.ciHigh, r.se, r.measure,
  ]);
  // No byte-order mark: importers read the first header as "\uFEFFStudy" otherwise.
  return toCsv(REVMAN_COLUMNS, records, false);
}
