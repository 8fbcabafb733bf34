/**
 * Which sheet records go into a forest plot, and why the others do not: every record of the chosen
 * outcome (and time point) is either a row or a skipped entry with a reason — never silently dropped.
 */
import type { ForestQuery, ForestRow, ForestSkipped } from '../model/forest.js';
import type { SheetRecordRow } from '../model/sheet.js';
import type { SheetData } from '../sheet/build.js';
import { cellText, fold, outcomeName, parseNumber } from '../sheet/query.js';

export type MeasureKind = 'ratio' | 'difference';

/** A plotted row plus the raw texts, so the plot prints values with the decimals they were written with. */
export interface PlotRow extends ForestRow {
  raw: { estimate: string; low: string; high: string };
  unit: string;
}

export interface Selection {
  /** The outcome as first written in a matching record (else as asked). */
  outcome: string;
  timepoint: string | null;
  scale: 'linear' | 'log';
  rows: PlotRow[];
  skipped: ForestSkipped[];
}

/** Abbreviations are matched in capitals only ("OR", not the word "or"); "ratio" in any case. */
const RATIO_ABBREVIATION = /(^|[^A-Za-z])(a?OR|a?RR|a?HR|a?IRR|sHR|SHR|RoM|DOR|PR)([^A-Za-z]|$)/;
const RATIO_WORD = /ratio/i;

/** "OR", "hazard ratio", "adjusted RR" → ratio; anything else (mean difference, change…) → difference. */
export function measureKind(measure: string): MeasureKind {
  return RATIO_ABBREVIATION.test(measure) || RATIO_WORD.test(measure) ? 'ratio' : 'difference';
}

function text(row: SheetRecordRow, key: string): string {
  return cellText(row.values[key]).trim();
}

/** "Werth 2022 · IVIg vs placebo · week 16" */
export function rowLabel(row: SheetRecordRow): string {
  return [row.articleLabel, text(row, 'o.arm'), text(row, 'o.timepoint')].filter((part) => part !== '').join(' · ');
}

type Parsed = { ok: true; value: number; raw: string } | { ok: false; reason: string };

function parseField(row: SheetRecordRow, key: string, what: string, missing: string): Parsed {
  const raw = text(row, key);
  if (raw === '') return { ok: false, reason: missing };
  const value = parseNumber(raw);
  if (value === null) return { ok: false, reason: `${what} "${raw}" is not a number` };
  return { ok: true, value, raw };
}

/** The plotted row, or why the record cannot be plotted at all (before the measure kinds are compared). */
function parseRow(row: SheetRecordRow, annotationId: string, label: string): PlotRow | string {
  const estimate = parseField(row, 'o.value', 'value', 'no estimate (value is empty)');
  if (!estimate.ok) return estimate.reason;
  const lowText = text(row, 'o.ci_low');
  const highText = text(row, 'o.ci_high');
  if (lowText === '' && highText === '') return 'no confidence interval';
  const low = parseField(row, 'o.ci_low', 'CI lower bound', 'no CI lower bound');
  if (!low.ok) return low.reason;
  const high = parseField(row, 'o.ci_high', 'CI upper bound', 'no CI upper bound');
  if (!high.ok) return high.reason;
  if (low.value > high.value) return `CI lower bound ${low.raw} is above the upper bound ${high.raw}`;
  if (estimate.value < low.value || estimate.value > high.value) {
    return `estimate ${estimate.raw} outside its CI [${low.raw}, ${high.raw}]`;
  }
  return {
    annotationId,
    articleId: row.articleId,
    label,
    estimate: estimate.value,
    low: low.value,
    high: high.value,
    measure: text(row, 'o.measure'),
    quote: row.quote,
    raw: { estimate: estimate.raw, low: low.raw, high: high.raw },
    unit: text(row, 'o.unit'),
  };
}

/** Two records with the same label (e.g. two reviewers' extractions) get the reviewer appended. */
function labelsFor(records: readonly SheetRecordRow[]): string[] {
  const labels = records.map(rowLabel);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return labels.map((l, i) => ((counts.get(l) ?? 0) > 1 ? `${l} (${records[i]!.reviewer})` : l));
}

export function selectRows(data: SheetData, query: ForestQuery): Selection {
  const wanted = fold(query.outcome.trim());
  const wantedTime = query.timepoint?.trim() ? fold(query.timepoint.trim()) : null;
  const records = data.rows.filter(
    (row): row is SheetRecordRow & { annotationId: string } =>
      row.kind === 'record' &&
      row.annotationId !== null &&
      fold(outcomeName(row)) === wanted &&
      (wantedTime === null || fold(text(row, 'o.timepoint')) === wantedTime),
  );
  const labels = labelsFor(records);
  const parsed = records.map((row, i) => parseRow(row, row.annotationId, labels[i]!));

  // Ratio and difference measures cannot share an axis: the majority kind is plotted (a tie goes
  // to differences, on a linear axis), the others are listed with the reason.
  const kinds = parsed.map((p) => (typeof p === 'string' ? null : measureKind(p.measure)));
  const ratios = kinds.filter((k) => k === 'ratio').length;
  const differences = kinds.filter((k) => k === 'difference').length;
  const kind: MeasureKind = ratios > differences ? 'ratio' : 'difference';
  const scale = kind === 'ratio' ? 'log' : 'linear';

  const rows: PlotRow[] = [];
  const skipped: ForestSkipped[] = [];
  parsed.forEach((p, i) => {
    const record = records[i]!;
    const skip = (reason: string) => skipped.push({ annotationId: record.annotationId, articleId: record.articleId, label: labels[i]!, reason });
    if (typeof p === 'string') return skip(p);
    if (kinds[i] !== kind) {
      const named = p.measure === '' ? 'no measure named' : `measure "${p.measure}"`;
      return skip(
        kind === 'ratio'
          ? `${named}: not a ratio, and most rows are ratios (log axis)`
          : `${named} is a ratio, and most rows are differences (linear axis)`,
      );
    }
    if (scale === 'log' && (p.estimate <= 0 || p.low <= 0)) {
      return skip(`a ratio must be above 0 on a log axis (${p.estimate <= 0 ? `value ${p.raw.estimate}` : `CI lower bound ${p.raw.low}`})`);
    }
    rows.push(p);
  });

  const first = records[0];
  return {
    outcome: first ? outcomeName(first) : query.outcome.trim(),
    timepoint: query.timepoint?.trim() ? (first ? text(first, 'o.timepoint') : query.timepoint.trim()) : null,
    scale,
    rows,
    skipped,
  };
}
