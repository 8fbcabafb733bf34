/**
 * The forest plot drawn as a self-contained SVG string: study labels on the left, squares with CI
 * whiskers on a linear or log axis in the middle, "estimate [low, high]" on the right, the line of
 * no effect, and ticks. Each row is a <g> carrying its annotation id and, as <title>, its quote (the
 * hover tooltip). All text is escaped for XML; the same input always gives the same bytes.
 */
import { shorten } from '../sheet/labels.js';
import { axisFor, formatTick, formatValue, fraction, type Axis } from './scale.js';
import type { PlotRow } from './select.js';

export interface SvgInput {
  title: string;
  scale: 'linear' | 'log';
  rows: readonly PlotRow[];
  /** Shown instead of rows when nothing can be plotted. */
  emptyMessage: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const INK = '#1f2328';
const MUTED = '#5f6670';
const MARK = '#2456a6';
const PAD = 16;
const GAP = 28;
const PLOT_WIDTH = 340;
const ROW_HEIGHT = 28;
const TOP = 84; // first row's top edge
const CHAR = 7; // average advance of a 13px system-ui character, for column widths
const LABEL_MAX_CHARS = 60;
const QUOTE_MAX_CHARS = 2000;
const STYLE =
  '.ev-forest-row:hover .ev-forest-band{fill:#2456a6;fill-opacity:0.12}' +
  '.ev-forest-num{font-variant-numeric:tabular-nums}';

/** Text and attribute values for XML: markup characters escaped, characters XML forbids removed. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates rounded to 0.01 px, so output does not depend on floating-point noise. */
function px(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : escapeXml(v)}"`)
    .join('');
}

function el(name: string, a: Record<string, string | number>, content?: string): string {
  return content === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

function text(x: number, y: number, content: string, a: Record<string, string | number> = {}): string {
  return el('text', { x, y, ...a }, escapeXml(content));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** "−9.36 [−12.52, −6.19]" */
export function estimateText(row: PlotRow): string {
  return `${formatValue(row.estimate, row.raw.estimate)} [${formatValue(row.low, row.raw.low)}, ${formatValue(row.high, row.raw.high)}]`;
}

/** The measure(s) the rows name, each once ("Mean difference", "OR / HR"), or "Estimate". */
export function measuresText(rows: readonly PlotRow[]): string {
  const measures: string[] = [];
  for (const r of rows) if (r.measure && !measures.some((m) => m.toLowerCase() === r.measure.toLowerCase())) measures.push(r.measure);
  const text = measures.length > 0 ? measures.join(' / ') : 'Estimate';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The axis label: the measure(s), with the common unit on a linear axis. */
export function axisLabel(rows: readonly PlotRow[], scale: 'linear' | 'log'): string {
  let label = measuresText(rows);
  const units = new Set(rows.map((r) => r.unit));
  const unit = units.size === 1 ? [...units][0]! : '';
  if (scale === 'linear' && unit) label += ` (${unit})`;
  if (scale === 'log') label += ' (log scale)';
  return label;
}

interface Layout {
  width: number;
  labelX: number;
  plotX: number;
  plotW: number;
  estX: number;
}

function layout(rows: readonly PlotRow[], estimates: string[]): Layout {
  const longestLabel = Math.max(5, ...rows.map((r) => Math.min(LABEL_MAX_CHARS, r.label.length)));
  const labelW = clamp(longestLabel * CHAR + 8, 140, 420);
  const estW = clamp(Math.max(17, ...estimates.map((e) => e.length)) * CHAR + 8, 130, 280);
  const labelX = PAD;
  const plotX = labelX + labelW + GAP;
  const estX = plotX + PLOT_WIDTH + GAP + estW; // right edge: the estimates are right-aligned
  return { width: estX + PAD, labelX, plotX, plotW: PLOT_WIDTH, estX };
}

function arrow(x: number, y: number, direction: -1 | 1): string {
  const back = x - direction * 7;
  return el('path', { d: `M${px(x)} ${px(y)}L${px(back)} ${px(y - 4)}L${px(back)} ${px(y + 4)}Z`, fill: INK });
}

function rowGroup(row: PlotRow, index: number, estimate: string, axis: Axis, l: Layout): string {
  const top = TOP + index * ROW_HEIGHT;
  const cy = top + ROW_HEIGHT / 2;
  const x = (v: number) => l.plotX + clamp(fraction(axis, v), 0, 1) * l.plotW;
  const lowClipped = fraction(axis, row.low) < 0;
  const highClipped = fraction(axis, row.high) > 1;
  const x1 = x(row.low);
  const x2 = x(row.high);
  const cx = x(row.estimate);
  const parts = [
    el('title', {}, escapeXml(shorten(row.quote || row.label, QUOTE_MAX_CHARS))),
    el('rect', { class: 'ev-forest-band', x: PAD / 2, y: top, width: l.width - PAD, height: ROW_HEIGHT, fill: '#1f2328', 'fill-opacity': index % 2 ? 0.04 : 0 }),
    text(l.labelX, cy + 4.5, shorten(row.label, LABEL_MAX_CHARS), { 'font-size': 13, fill: INK }),
    el('line', { x1, y1: cy, x2, y2: cy, stroke: INK, 'stroke-width': 1.5 }),
    lowClipped ? arrow(x1, cy, -1) : el('line', { x1, y1: cy - 4, x2: x1, y2: cy + 4, stroke: INK, 'stroke-width': 1.5 }),
    highClipped ? arrow(x2, cy, 1) : el('line', { x1: x2, y1: cy - 4, x2, y2: cy + 4, stroke: INK, 'stroke-width': 1.5 }),
    el('rect', { x: cx - 5, y: cy - 5, width: 10, height: 10, fill: MARK }),
    text(l.estX, cy + 4.5, estimate, { 'font-size': 13, fill: INK, 'text-anchor': 'end', class: 'ev-forest-num' }),
  ];
  return el('g', { class: 'ev-forest-row', 'data-annotation-id': row.annotationId, 'data-article-id': row.articleId }, parts.join(''));
}

function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return (
    el(
      'svg',
      { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${px(width)} ${px(height)}`, 'font-family': FONT, class: 'ev-forest' },
      [el('title', {}, escapeXml(title)), el('style', {}, STYLE), el('rect', { width, height, fill: '#ffffff' }), ...body].join(''),
    ) + '\n'
  );
}

function titleText(title: string, width: number): string {
  return text(PAD, 32, shorten(title, Math.max(20, Math.floor((width - 2 * PAD) / 9))), { 'font-size': 17, 'font-weight': 700, fill: INK });
}

export function renderForestSvg(input: SvgInput): string {
  const { rows, scale } = input;
  if (rows.length === 0) {
    const width = 640;
    return svgDocument(width, 96, input.title, [titleText(input.title, width), text(PAD, 68, shorten(input.emptyMessage, 90), { 'font-size': 13, fill: MUTED })]);
  }
  const axis = axisFor(scale, rows);
  const estimates = rows.map(estimateText);
  const l = layout(rows, estimates);
  const bottom = TOP + rows.length * ROW_HEIGHT;
  const axisY = bottom + 10;
  const height = axisY + 58;
  const xOf = (v: number) => l.plotX + fraction(axis, v) * l.plotW;
  const nullX = xOf(scale === 'log' ? 1 : 0);
  const heading = { 'font-size': 12, 'font-weight': 600, fill: MUTED };

  const body: string[] = [
    titleText(input.title, l.width),
    text(l.labelX, 66, 'Study', heading),
    text(l.plotX + l.plotW / 2, 66, `${shorten(measuresText(rows), 40)} (95% CI)`, { ...heading, 'text-anchor': 'middle' }),
    text(l.estX, 66, 'Estimate [95% CI]', { ...heading, 'text-anchor': 'end' }),
    el('line', { x1: PAD / 2, y1: TOP - 6, x2: l.width - PAD / 2, y2: TOP - 6, stroke: '#c9ced4', 'stroke-width': 1 }),
    // Under the rows (their bands are translucent), so markers and CIs are drawn over it.
    el('line', { class: 'ev-forest-null', x1: nullX, y1: TOP - 2, x2: nullX, y2: axisY, stroke: '#4b5563', 'stroke-width': 1 }),
    ...rows.map((row, i) => rowGroup(row, i, estimates[i]!, axis, l)),
    el('line', { x1: l.plotX, y1: axisY, x2: l.plotX + l.plotW, y2: axisY, stroke: INK, 'stroke-width': 1 }),
  ];
  for (const tick of axis.ticks) {
    const tx = xOf(tick);
    body.push(
      el('g', { class: 'ev-forest-tick' }, [
        el('line', { x1: tx, y1: axisY, x2: tx, y2: axisY + 5, stroke: INK, 'stroke-width': 1 }),
        text(tx, axisY + 19, formatTick(tick), { 'font-size': 11, fill: INK, 'text-anchor': 'middle', class: 'ev-forest-num' }),
      ].join('')),
    );
  }
  body.push(text(l.plotX + l.plotW / 2, axisY + 42, axisLabel(rows, scale), { 'font-size': 12, fill: MUTED, 'text-anchor': 'middle', class: 'ev-forest-axis-label' }));
  return svgDocument(l.width, height, input.title, body);
}
