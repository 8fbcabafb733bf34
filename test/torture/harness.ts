/**
 * Crash-safety torture: a writer process (writer.ts) writes to one review without pause and is
 * killed with SIGKILL at a random moment, again and again on the same review (its state
 * accumulates). After every kill: every JSON file of the review must parse, the review must open
 * (taking over the dead writer's lock), and every acknowledged write must be there (check.ts).
 *
 * What this proves, and what it does not: SIGKILL ends the process, not the machine; the page
 * cache survives, so these runs prove that no moment of a write leaves a damaged or half-written
 * file and that nothing acknowledged is lost when the app dies. They cannot prove durability
 * across a power loss, which rests on the fsync calls in electron/core/store/atomic.ts (temp file
 * flushed before its rename, folder flushed after) and on the filesystem honouring them.
 *
 * Kill moments: some writers are killed while still starting (opening the review, taking the
 * lock), some right as a write starts (on its "intent" line), the rest after a random delay.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReview } from '../../electron/core/index.js';
import { findPackageRoot } from '../../electron/core/import/worker-location.js';
import { bundleForNode } from '../bench/node-bundle.js';
import { Rng } from '../bench/prng.js';
import { applyLines, emptyExpected, leftoverTempFiles, unreadableJsonFiles, verifyReview } from './check.js';
import type { WriterLine } from './protocol.js';

/** The repository root, from this file whether it runs from test/torture or bundled in dist/tools. */
const ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url))) ?? process.cwd();

export const WRITER = path.join(ROOT, 'dist', 'tools', 'torture', 'writer.mjs');
/** Bundle writer.ts into dist/tools/torture/writer.mjs (plain Node cannot run the TypeScript sources). */
export async function bundleWriter(): Promise<string> {
  const result = await bundleForNode(ROOT, { entryPoints: [path.join(ROOT, 'test', 'torture', 'writer.ts')], outfile: WRITER, write: false });
  // Replaced atomically: test files running in parallel bundle it too, and may be starting writers.
  await mkdir(path.dirname(WRITER), { recursive: true });
  const temp = `${WRITER}.${process.pid}.tmp`;
  await writeFile(temp, result.outputFiles![0]!.contents);
  await rename(temp, WRITER);
  return WRITER;
}

/** A new review with a few articles to annotate, made through the core like the app would. */
export async function prepareReview(dir: string): Promise<void> {
  const core = await openReview(dir, { create: true, name: 'Torture review', log: () => {} });
  try {
    const files = [1, 2, 3].map((i) => ({
      fileName: `seed-${i}.txt`,
      base64: Buffer.from(`Seed article ${i}\n\nTrial ${i}: the mean change was -${i}.5 points (95% CI -${i + 2}.1 to -${i}.0) in ${40 * i} adults.`).toString('base64'),
    }));
    await core['articles.import']({ files });
  } finally {
    await core.close();
  }
}

export interface WriterRun {
  lines: WriterLine[];
  /** How the writer ended: 'killed' (by us), 'finished' (maxOps done), or its exit and the end of its stderr. */
  ending: string;
  killedBy: 'startup' | 'intent' | 'delay' | 'none';
}

export interface WriterHandle {
  pid: number;
  /** Resolves when the writer has the review open for writing (rejects if it ends first). */
  ready: Promise<void>;
  kill(why?: WriterRun['killedBy']): void;
  done: Promise<WriterRun>;
}

export interface WriterOptions {
  seed: number;
  /** Stop after this many writes (and exit normally) instead of running until killed. */
  maxOps?: number;
  /** Called with each line as it arrives. */
  onLine?: (line: WriterLine, handle: WriterHandle) => void;
}

/** Start one writer process on `dir`; it runs until killed (or until maxOps writes are done). */
export function startWriter(dir: string, options: WriterOptions): WriterHandle {
  const args = [WRITER, dir, String(options.seed), ...(options.maxOps ? [String(options.maxOps)] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: WriterLine[] = [];
  let killedBy: WriterRun['killedBy'] = 'none';
  let markReady: () => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => undefined); // callers that never wait for it must not see an unhandled rejection
  let buffered = '';
  let stderr = '';
  const done = new Promise<WriterRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ending =
        signal === 'SIGKILL' && killedBy !== 'none' ? 'killed' : code === 0 && signal === null ? 'finished' : `exited with ${signal ?? `code ${code}`}: ${stderr.trim()}`;
      failReady(new Error(`the writer ended before it was ready: ${ending}`));
      // A line cut by the kill is incomplete: it was never acknowledged, and is dropped.
      resolve({ lines, ending, killedBy });
    });
  });
  const handle: WriterHandle = {
    pid: child.pid ?? -1,
    ready,
    done,
    kill(why = 'delay') {
      if (killedBy !== 'none' || child.exitCode !== null || child.signalCode !== null) return;
      killedBy = why;
      child.kill('SIGKILL');
    },
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, nl)) as WriterLine;
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      if (line.t === 'ready') markReady();
      options.onLine?.(line, handle);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  return handle;
}

/** Longest a writer is left running before it is killed anyway (it never stops by itself). */
const KILL_DEADLINE_MS = 5_000;

/** Run one writer on `dir` and SIGKILL it at a moment drawn from `seed`. */
export function runWriterUntilKilled(dir: string, seed: number): Promise<WriterRun> {
  const rng = Rng.of(seed, 0xc1a5);
  const roll = rng.next();
  const strategy = roll < 0.15 ? 'startup' : roll < 0.5 ? 'intent' : 'delay';
  const intentToKillAt = rng.int(1, 40);
  const timers: NodeJS.Timeout[] = [];
  let intents = 0;
  const writer = startWriter(dir, {
    seed,
    onLine: (line, handle) => {
      if (line.t === 'ready' && strategy === 'delay') timers.push(setTimeout(() => handle.kill('delay'), rng.int(0, 400)));
      if (line.t === 'intent' && strategy === 'intent' && ++intents === intentToKillAt) handle.kill('intent');
    },
  });
  if (strategy === 'startup') timers.push(setTimeout(() => writer.kill('startup'), rng.int(0, 250)));
  timers.push(setTimeout(() => writer.kill('delay'), KILL_DEADLINE_MS));
  return writer.done.finally(() => {
    for (const timer of timers) clearTimeout(timer);
  });
}

export interface TortureOptions {
  kills: number;
  seed: number;
  /** The review folder (created if absent). */
  dir: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface TortureReport {
  kills: number;
  unreadableFiles: number;
  missingAnnotations: number;
  acknowledgedWrites: number;
  /** Everything else that went wrong, one line each (the first few of each round). */
  failures: string[];
  /** What opening the review after a kill logged (repairs such as review.json restored from its backup): allowed, but reported. */
  logged: string[];
  killedWhile: Record<WriterRun['killedBy'], number>;
}

export async function runTorture(options: TortureOptions): Promise<TortureReport> {
  const log = options.log ?? (() => {});
  await bundleWriter();
  await prepareReview(options.dir);
  const expected = emptyExpected();
  const report: TortureReport = {
    kills: 0,
    unreadableFiles: 0,
    missingAnnotations: 0,
    acknowledgedWrites: 0,
    failures: [],
    logged: [],
    killedWhile: { startup: 0, intent: 0, delay: 0, none: 0 },
  };
  for (let round = 0; round < options.kills; round++) {
    const run = await runWriterUntilKilled(options.dir, options.seed * 100_003 + round);
    report.kills += 1;
    report.killedWhile[run.killedBy] += 1;
    const where = `kill ${round + 1}`;
    if (run.ending !== 'killed') report.failures.push(`${where}: the writer ${run.ending}`);
    if (run.lines.some((l) => l.t === 'readonly')) report.failures.push(`${where}: the writer opened the review read-only`);
    const inFlight = applyLines(expected, run.lines);
    const unreadable = await unreadableJsonFiles(options.dir);
    const findings = await verifyReview(options.dir, expected, inFlight);
    const leftovers = await leftoverTempFiles(options.dir);
    report.unreadableFiles += unreadable.length;
    report.missingAnnotations += findings.missing.length;
    report.logged.push(...findings.logged.map((r) => `${where}: ${r}`));
    for (const problem of [...unreadable, ...findings.missing, ...findings.other]) report.failures.push(`${where}: ${problem}`);
    if (leftovers.length > 0) report.failures.push(`${where}: temporary files left after a writable open: ${leftovers.join(', ')}`);
    report.acknowledgedWrites = expected.acknowledged;
    if (report.failures.length > 0) {
      // Further kills of a damaged review would only repeat the first failure.
      log(`stopped after kill ${round + 1}: ${report.failures.length} failures`);
      break;
    }
    if ((round + 1) % 50 === 0 || round + 1 === options.kills) {
      log(`${round + 1}/${options.kills} kills, ${expected.acknowledged} acknowledged writes, ${expected.annotations.size} annotations, ${report.failures.length} failures`);
    }
  }
  return report;
}

export function summary(report: TortureReport): string {
  return `${report.kills} kills, ${report.unreadableFiles} unreadable files, ${report.missingAnnotations} acknowledged annotations missing`;
}

export const passed = (report: TortureReport): boolean => report.failures.length === 0;
