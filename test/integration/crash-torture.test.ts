/**
 * The crash-safety torture (test/torture/harness.ts) in a short run: a writer process busy with a
 * realistic mix of writes is killed with SIGKILL at random moments, again and again on one review.
 * After every kill every JSON file of the review must parse, the review must open writable (the
 * dead writer's lock taken over), and every acknowledged write must be there. `npm run torture`
 * runs the long version (1,000 kills). What a process kill can and cannot prove: see harness.ts.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { runTorture, summary } from '../torture/harness.js';
import { tempDir } from './core-helpers.js';

/** Enough kills to hit every phase (starting, mid-write, between writes) at least once most runs; about 15 s. */
const KILLS = 16;

it(`loses no acknowledged write and damages no file over ${KILLS} SIGKILLs of a busy writer`, async () => {
  const dir = path.join(await tempDir('evidentia-torture-'), 'review');
  // A fixed seed draws the same kill strategies and writes; the kill moments still vary with timing.
  const report = await runTorture({ kills: KILLS, seed: 20_261_122, dir });
  expect(report.failures).toEqual([]);
  expect(summary(report)).toBe(`${KILLS} kills, 0 unreadable files, 0 acknowledged annotations missing`);
  expect(report.acknowledgedWrites).toBeGreaterThan(KILLS);
}, 180_000);
