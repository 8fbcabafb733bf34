/** The benchmark generator's plan: exact totals, caps, the fixed 200-annotation articles, reviewer splits. */
import { describe, expect, it } from 'vitest';
import { FIXED_COUNT, makePlan, reviewerSplit } from '../bench/plan.js';
import { Rng } from '../bench/prng.js';

describe('bench plan', () => {
  it('places exactly the annotations asked for, within the caps, with ten 200-annotation full texts', () => {
    const plan = makePlan(7, 2000, 100_000);
    expect(plan.counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(plan.total).toBe(100_000);
    expect(Math.max(...plan.counts)).toBeLessThanOrEqual(1500);
    expect(plan.fixed).toHaveLength(10);
    for (const i of plan.fixed) {
      expect(plan.counts[i]).toBe(FIXED_COUNT);
      expect(plan.kinds[i]).not.toBe('citation');
    }
    plan.counts.forEach((c, i) => {
      if (plan.kinds[i] === 'citation') expect(c).toBeLessThanOrEqual(40);
    });
    // Uneven: most articles carry nothing, a few carry hundreds.
    expect(plan.counts.filter((c) => c === 0).length).toBeGreaterThan(1000);
    expect(plan.counts.filter((c) => c >= 500).length).toBeGreaterThan(5);
    expect(plan.offsets[1]).toBe(plan.counts[0]);
  });

  it('handles small reviews and refuses what cannot fit', () => {
    const small = makePlan(1, 30, 600);
    expect(small.counts.reduce((a, b) => a + b, 0)).toBe(600);
    expect(makePlan(1, 5, 0).counts).toEqual([0, 0, 0, 0, 0]);
    expect(() => makePlan(1, 2, 10_000)).toThrow(/do not fit/);
  });

  it('splits an article between one to three reviewers, summing to its count', () => {
    for (let i = 0; i < 200; i++) {
      const count = 1 + (i * 37) % 900;
      const split = reviewerSplit(3, i, count);
      expect(split.reduce((s, r) => s + r.count, 0)).toBe(count);
      expect(split.length).toBeGreaterThanOrEqual(1);
      expect(split.length).toBeLessThanOrEqual(3);
      expect(new Set(split.map((r) => r.reviewer)).size).toBe(split.length);
      for (const r of split) expect(r.count).toBeGreaterThan(0);
    }
  });

  it('draws the same numbers for the same seed', () => {
    const a = Rng.of(1, 2, 3);
    const b = Rng.of(1, 2, 3);
    expect(Array.from({ length: 5 }, () => a.uuid())).toEqual(Array.from({ length: 5 }, () => b.uuid()));
    expect(Rng.of(1, 2, 4).uuid()).not.toBe(Rng.of(1, 2, 3).uuid());
  });
});
