/**
 * What the generator will write, decided before any text is made: each article's kind and how many
 * annotations it gets (exactly M in all), and which reviewers made them. Real reviews are uneven:
 * most records are screened and never annotated, a few full texts carry hundreds of extracted
 * values. A Pareto draw per article gives that heavy tail; a cap keeps one article at most ~1,500.
 */
import { Rng } from './prng.js';
import { REVIEWERS } from './vocab.js';

export type PlannedKind = 'citation' | 'text' | 'markdown';

export interface Plan {
  kinds: PlannedKind[];
  counts: number[];
  /** offsets[i]: global index of article i's first annotation (ids derive from it). */
  offsets: number[];
  /** Articles given exactly FIXED_COUNT annotations (the benchmark opens these). */
  fixed: number[];
  total: number;
}

export const FIXED_COUNT = 200;
const FIXED_ARTICLES = 10;
const CAP_FULL_TEXT = 1500;
const CAP_CITATION = 40;

const SALT_KIND = 0x4b1d;
const SALT_WEIGHT = 0x3e16;
const SALT_REVIEWERS = 0x7e3e;

export function makePlan(seed: number, articles: number, annotations: number): Plan {
  const rng = Rng.of(seed, SALT_KIND);
  const kinds: PlannedKind[] = Array.from({ length: articles }, () => {
    const r = rng.next();
    return r < 0.75 ? 'citation' : r < 0.9 ? 'text' : 'markdown';
  });
  // Small reviews (tests) may have no full text by chance: make sure there is at least one.
  if (articles > 0 && !kinds.some((k) => k !== 'citation')) kinds[0] = 'text';
  const full = kinds.flatMap((k, i) => (k === 'citation' ? [] : [i]));
  const cap = (i: number) => (kinds[i] === 'citation' ? CAP_CITATION : CAP_FULL_TEXT);
  const capacity = kinds.reduce((sum, _, i) => sum + cap(i), 0);
  if (annotations > capacity) {
    throw new Error(`${annotations} annotations do not fit ${articles} articles (at most ${capacity}: ${CAP_FULL_TEXT} per full text, ${CAP_CITATION} per record).`);
  }

  const counts = new Array<number>(articles).fill(0);
  // Exactly 200 on some full texts, taking at most half of the annotations (small test reviews).
  const fixedCount = Math.min(FIXED_ARTICLES, Math.floor(annotations / (2 * FIXED_COUNT)), full.length);
  const fixed = full.filter((_, k) => k % Math.max(1, Math.floor(full.length / Math.max(1, fixedCount))) === 0).slice(0, fixedCount);
  for (const i of fixed) counts[i] = FIXED_COUNT;

  const weightRng = Rng.of(seed, SALT_WEIGHT);
  const weights = kinds.map((k, i): number => {
    if (counts[i]! > 0) return 0;
    if (k === 'citation') return weightRng.chance(0.2) ? 0.04 * weightRng.pareto(1.5) : 0;
    return weightRng.chance(0.85) ? weightRng.pareto(1.1) : 0;
  });
  if (!weights.some((w) => w > 0)) weights.forEach((_, i) => (weights[i] = counts[i]! > 0 ? 0 : 1));
  distribute(counts, weights, annotations - fixedCount * FIXED_COUNT, cap);

  const offsets: number[] = [];
  let total = 0;
  for (const c of counts) {
    offsets.push(total);
    total += c;
  }
  return { kinds, counts, offsets, fixed, total };
}

/**
 * Share `amount` out in proportion to `weights`, never past an article's cap (water filling: what a
 * capped article cannot take goes to the others), then round so the sum is exact.
 */
function distribute(counts: number[], weights: number[], amount: number, cap: (i: number) => number): void {
  const share = new Array<number>(counts.length).fill(0);
  let open = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  let left = amount;
  while (left > 1e-9 && open.length > 0) {
    const total = open.reduce((s, i) => s + weights[i]!, 0);
    const stillOpen: number[] = [];
    let given = 0;
    for (const i of open) {
      const room = cap(i) - counts[i]! - share[i]!;
      const want = (left * weights[i]!) / total;
      const take = Math.min(room, want);
      share[i]! += take;
      given += take;
      if (take < want) continue;
      stillOpen.push(i);
    }
    left -= given;
    if (stillOpen.length === open.length && left > 1e-9) break;
    open = stillOpen;
  }
  // Articles with no weight take whatever could not be placed (only when the weighted ones are full).
  const everyone = counts.map((_, i) => i);
  for (const i of everyone) counts[i]! += Math.floor(share[i]!);
  let missing = amount - everyone.reduce((s, i) => s + Math.floor(share[i]!), 0);
  const byFraction = everyone.filter((i) => share[i]! > 0).sort((a, b) => (share[b]! % 1) - (share[a]! % 1));
  for (const list of [byFraction, everyone]) {
    for (const i of list) {
      if (missing === 0) break;
      if (counts[i]! < cap(i) && counts[i] !== FIXED_COUNT) {
        counts[i]! += 1;
        missing -= 1;
      }
    }
    if (missing === 0) break;
  }
  if (missing > 0) throw new Error(`could not place ${missing} annotations`);
}

/** Which reviewers annotated article `index`, and how many each (uneven: alice does most). */
export function reviewerSplit(seed: number, index: number, count: number): Array<{ reviewer: string; count: number }> {
  if (count === 0) return [];
  const rng = Rng.of(seed, SALT_REVIEWERS, index);
  const people = Math.min(count, rng.int(1, 3));
  const pool = REVIEWERS.map((r) => r.weight);
  const chosen: number[] = [];
  while (chosen.length < people) {
    const k = rng.weighted(pool);
    if (pool[k]! > 0) {
      chosen.push(k);
      pool[k] = 0;
    }
  }
  const parts = chosen.map(() => 0.3 + rng.next());
  const sum = parts.reduce((a, b) => a + b, 0);
  const out = chosen.map((k, j) => ({ reviewer: REVIEWERS[k]!.id, count: Math.max(1, Math.floor((count * parts[j]!) / sum)) }));
  // Rounding: the first reviewer absorbs the difference (never below 1).
  let diff = count - out.reduce((s, r) => s + r.count, 0);
  for (const r of out) {
    const change = Math.max(diff, 1 - r.count);
    r.count += change;
    diff -= change;
    if (diff === 0) break;
  }
  return out.filter((r) => r.count > 0);
}
