/**
 * Axis scales for the forest plot: "nice" linear ticks, log ticks from a few familiar ladders
 * (0.5 0.7 1 1.5 2; 0.25 0.5 1 2 4; 0.1 0.2 0.5 1 2 5 10; 0.01 0.1 1 10 100), and number formatting
 * with a Unicode minus. Pure.
 */

export interface Axis {
  scale: 'linear' | 'log';
  min: number;
  max: number;
  ticks: number[];
}

/** At most this many ticks on a log axis (where labels run wider), and on a linear one. */
const MAX_TICKS = 7;
const MAX_LINEAR_TICKS = 8;

/** "−9.36": a number as the plot prints it, with a Unicode minus and no "-0". */
export function withMinus(text: string): string {
  return text.replace(/^-(?=[\d.])/, '\u2212').replace(/^\u22120(\.0+)?$/, '0$1');
}

/** Shortest plain rendering of a tick value ("0.25", "−10", "1.5"). */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  return withMinus(String(Number(value.toPrecision(10))));
}

/** The number of decimals written in an extracted value ("−9.36" → 2, "1,5" → 1, "12" → 0). */
export function decimalsOf(raw: string): number | null {
  const t = raw.trim();
  if (/e/i.test(t)) return null;
  const m = /[.,](\d+)%?$/.exec(t);
  return m ? m[1]!.length : 0;
}

/** A value with the decimals it was written with: "1.50" stays "1.50", −9.36 is "−9.36". */
export function formatValue(value: number, raw: string): string {
  const decimals = decimalsOf(raw);
  const text = decimals === null || decimals > 10 ? String(value) : value.toFixed(decimals);
  return withMinus(text);
}

/** Linear ticks at multiples of 1, 2 or 5 × 10ⁿ, enclosing [lo, hi]. */
export function linearAxis(lo: number, hi: number): Axis {
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    return linearAxis(lo - pad, hi + pad);
  }
  const span = hi - lo;
  let power = Math.floor(Math.log10(span / MAX_LINEAR_TICKS));
  for (let guard = 0; guard < 8; guard += 1, power += 1) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** power;
      const first = Math.floor(lo / step + 1e-9);
      const last = Math.ceil(hi / step - 1e-9);
      if (last - first + 1 <= MAX_LINEAR_TICKS) {
        const ticks: number[] = [];
        for (let i = first; i <= last; i += 1) ticks.push(clean(i * step));
        return { scale: 'linear', min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks };
      }
    }
  }
  return { scale: 'linear', min: lo, max: hi, ticks: [lo, hi] };
}

function clean(n: number): number {
  const r = Number(n.toPrecision(12));
  return r === 0 ? 0 : r;
}

function ladder(perDecade: number[], fromPower: number, toPower: number): number[] {
  const out: number[] = [];
  for (let p = fromPower; p <= toPower; p += 1) for (const m of perDecade) out.push(clean(m * 10 ** p));
  return out;
}

const LOG_LADDERS: number[][] = [
  [0.5, 0.7, 1, 1.5, 2],
  Array.from({ length: 21 }, (_, i) => 2 ** (i - 10)),
  ladder([1, 2, 5], -6, 6),
  ladder([1], -12, 12),
  ladder([1], -6, 6).map((n, i) => (i % 2 === 0 ? n : NaN)).filter((n) => !Number.isNaN(n)),
];

/** Log ticks from the finest familiar ladder that encloses [lo, hi] (both > 0) in ≤ 7 ticks. */
export function logAxis(lo: number, hi: number): Axis {
  for (const steps of LOG_LADDERS) {
    const below = steps.filter((t) => t <= lo * (1 + 1e-9));
    const above = steps.filter((t) => t >= hi * (1 - 1e-9));
    if (below.length === 0 || above.length === 0) continue;
    const min = below[below.length - 1]!;
    const max = above[0]!;
    const ticks = steps.filter((t) => t >= min && t <= max);
    if (ticks.length >= 2 && ticks.length <= MAX_TICKS) return { scale: 'log', min, max, ticks };
  }
  // Beyond every ladder (ratios past 10¹²): powers of ten at whatever spacing fits.
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a) / (MAX_TICKS - 1)));
  const ticks: number[] = [];
  for (let p = a; p <= b; p += every) ticks.push(10 ** p);
  if (ticks[ticks.length - 1]! < hi) ticks.push(10 ** (ticks.length * every + a));
  return { scale: 'log', min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks };
}

/** Position of a value along the axis, 0 at min and 1 at max (outside [0, 1] when beyond). */
export function fraction(axis: Axis, value: number): number {
  if (axis.scale === 'log') {
    const a = Math.log(axis.min);
    return (Math.log(value) - a) / (Math.log(axis.max) - a);
  }
  return (value - axis.min) / (axis.max - axis.min);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The axis for these intervals: it always holds the line of no effect and every estimate, and every
 * CI except those far wider than the typical one (more than 4× the median width), which are clipped
 * at the axis end and drawn with an arrow. The line of no effect is kept off the axis ends.
 */
export function axisFor(scale: 'linear' | 'log', rows: readonly { estimate: number; low: number; high: number }[]): Axis {
  const t = scale === 'log' ? Math.log : (x: number) => x;
  const nullValue = scale === 'log' ? 1 : 0;
  const widths = rows.map((r) => t(r.high) - t(r.low));
  const limit = rows.length >= 3 ? 4 * median(widths) : Infinity;
  let lo = nullValue;
  let hi = nullValue;
  rows.forEach((r, i) => {
    const wide = widths[i]! > limit && limit > 0;
    lo = Math.min(lo, r.estimate, wide ? r.estimate : r.low);
    hi = Math.max(hi, r.estimate, wide ? r.estimate : r.high);
  });
  // The line of no effect is never the axis end: a little room is left on its empty side.
  const room = 0.12 * (t(hi) - t(lo));
  if (room > 0 && t(lo) === t(nullValue)) lo = scale === 'log' ? Math.exp(-room) : -room;
  if (room > 0 && t(hi) === t(nullValue)) hi = scale === 'log' ? Math.exp(room) : room;
  return scale === 'log' ? logAxis(lo, hi) : linearAxis(lo, hi);
}
