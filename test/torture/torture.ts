/**
 * `npm run torture [-- --kills N --seed S --dir DIR]`: the crash-safety torture (see harness.ts) on
 * a review in a new temporary folder (or DIR), printed as
 *   "N kills, X unreadable files, Y acknowledged annotations missing"
 * and exiting 1 on any failure. The folder is removed after a clean run and kept after a failed one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { passed, runTorture, summary } from './harness.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    dir: { type: 'string' },
  },
});
const kills = Number(values.kills);
const seed = Number(values.seed);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run torture -- [--kills N] [--seed S] [--dir DIR]');
  process.exit(2);
}
const dir = values.dir ? path.resolve(values.dir) : path.join(await mkdtemp(path.join(os.tmpdir(), 'evidentia-torture-')), 'review');
console.error(`torture: ${kills} kills, seed ${seed}, review ${dir}`);
const started = Date.now();
const report = await runTorture({ kills, seed, dir, log: (line) => console.error(`  ${line}`) });
console.error(`  killed while starting: ${report.killedWhile.startup}, as a write started: ${report.killedWhile.intent}, after a random delay: ${report.killedWhile.delay}`);
console.error(`  ${report.acknowledgedWrites} acknowledged writes checked; ${report.logged.length} messages logged at open; ${Math.round((Date.now() - started) / 1000)} s`);
for (const line of report.logged.slice(0, 10)) console.error(`  logged at open: ${line}`);
for (const line of report.failures.slice(0, 30)) console.error(`  FAIL ${line}`);
console.log(summary(report));
if (passed(report)) {
  if (!values.dir) await rm(path.dirname(dir), { recursive: true, force: true });
} else {
  console.error(`torture failed (${report.failures.length} failures); the review is kept in ${dir}; rerun with --seed ${seed}`);
  process.exitCode = 1;
}
