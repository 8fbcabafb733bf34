/**
 * The figures the benchmark reports, their targets (issue 5, on a 2-core machine) and baselines,
 * as a readable table and as the JSON object `--json` prints.
 */
import { round } from './stats.js';

export const KEYS = [
  'save_p50', 'save_p99', 'naive_lowdb_save', 'open_review', 'open_article', 'search_p95', 'grep_scan',
  'import_pdf_s', 'pdftotext_s', 'export_csv_500k_s', 'export_xlsx_100k_s', 'peak_rss_mb',
] as const;
export type Key = (typeof KEYS)[number];
export type Values = Record<Key, number | null>;

interface Figure {
  label: string;
  unit: 'ms' | 's' | 'MB';
  target: string;
  /** Whether the target is met; null when it cannot be told (a value missing). */
  meets?: (v: Values) => boolean | null;
  baseline?: Key;
  /** How the ratio against the baseline reads. */
  ratio?: (value: number, baseline: number) => string;
}

const faster = (value: number, baseline: number) => `${round(baseline / value)}× faster`;
const both = (a: number | null, b: number | null, f: (a: number, b: number) => boolean) => (a === null || b === null ? null : f(a, b));
const atMost = (key: Key, limit: number) => (v: Values) => both(v[key], limit, (a, b) => a <= b);

export const FIGURES: Record<Key, Figure> = {
  save_p50: { label: 'annotation save, median', unit: 'ms', target: '≤ 1', meets: atMost('save_p50', 1), baseline: 'naive_lowdb_save', ratio: faster },
  save_p99: { label: 'annotation save, p99', unit: 'ms', target: '≤ 5', meets: atMost('save_p99', 5), baseline: 'naive_lowdb_save', ratio: faster },
  naive_lowdb_save: { label: 'baseline: save into one lowdb file', unit: 'ms', target: '' },
  open_review: { label: 'process start → article list', unit: 'ms', target: '≤ 1000', meets: atMost('open_review', 1000) },
  open_article: { label: 'open article with 200 annotations', unit: 'ms', target: '≤ 200', meets: atMost('open_article', 200) },
  search_p95: {
    label: 'full-text search, p95',
    unit: 'ms',
    target: '≤ 50, ≥ 10× grep',
    meets: (v) => both(v.search_p95, v.grep_scan, (s, g) => s <= 50 && g / s >= 10) ?? (v.search_p95 !== null && v.search_p95 > 50 ? false : null),
    baseline: 'grep_scan',
    ratio: faster,
  },
  grep_scan: { label: 'baseline: grep scan, median/query', unit: 'ms', target: '' },
  import_pdf_s: {
    label: 'import PDF batch',
    unit: 's',
    target: '≤ 3 × pdftotext',
    meets: (v) => both(v.import_pdf_s, v.pdftotext_s, (a, b) => a <= 3 * b),
    baseline: 'pdftotext_s',
    ratio: (value, baseline) => `${round(value / baseline)}× pdftotext`,
  },
  pdftotext_s: { label: 'baseline: pdftotext loop', unit: 's', target: '' },
  export_csv_500k_s: { label: 'CSV export, big review', unit: 's', target: '≤ 5', meets: atMost('export_csv_500k_s', 5) },
  export_xlsx_100k_s: { label: 'XLSX export, 1/5 review', unit: 's', target: '≤ 15', meets: atMost('export_xlsx_100k_s', 15) },
  peak_rss_mb: { label: 'peak RSS of Evidentia phases', unit: 'MB', target: '≤ 1024', meets: atMost('peak_rss_mb', 1024) },
};

export function emptyValues(): Values {
  return Object.fromEntries(KEYS.map((k) => [k, null])) as Values;
}

export function toJson(values: Values): Record<Key, number | null> {
  return Object.fromEntries(KEYS.map((k) => [k, values[k] === null ? null : round(values[k])])) as Record<Key, number | null>;
}

function pad(cells: string[][]): string[] {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => [...row[c]!].length)));
  return cells.map((row) => row.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  ').trimEnd());
}

export function table(values: Values, notes: Partial<Record<Key, string>>, errors: Partial<Record<Key, string>>): string[] {
  const rows: string[][] = [['figure', 'value', 'target', 'result', 'baseline', 'ratio', 'what']];
  for (const key of KEYS) {
    const f = FIGURES[key];
    const value = values[key];
    const verdict = f.meets ? f.meets(values) : undefined;
    const base = f.baseline ? values[f.baseline] : null;
    rows.push([
      key,
      value === null ? 'n/a' : `${round(value)} ${f.unit}`,
      f.target,
      errors[key] ? 'ERROR' : verdict === undefined ? '' : verdict === null ? '?' : verdict ? 'pass' : 'FAIL',
      f.baseline ? (base === null ? 'n/a' : `${f.baseline} ${round(base)}`) : '',
      f.ratio && value !== null && base !== null && value > 0 ? f.ratio(value, base) : '',
      f.label,
    ]);
  }
  const lines = pad(rows);
  lines.splice(1, 0, '-'.repeat(Math.max(...lines.map((l) => [...l].length))));
  const explain = KEYS.flatMap((k) => [
    ...(errors[k] ? [`  ${k}: ERROR ${errors[k]}`] : []),
    ...(notes[k] ? [`  ${k}: ${notes[k]}`] : []),
  ]);
  return explain.length > 0 ? [...lines, '', 'notes:', ...explain] : lines;
}
