/**
 * Benchmark reviews are generated once and kept in <tmp>/evidentia-bench/<articles>-<annotations>-<seed>/:
 *   review/        the review, as the generator left it after one open (derived indexes built)
 *   summary.json   what the generator wrote (ids with 200 annotations, rare terms …)
 *   complete.json  written last: a cache without it (an interrupted run) is generated again
 * Benchmarks never touch that review: each run works on its own full copy (cp -a) under
 * <tmp>/evidentia-bench/run-*, deleted at the end unless --keep, so saves and derived files written
 * by one run never leak into the next.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runChild } from './child.js';
import { GENERATOR_VERSION, type GenerateSummary } from './generate.js';

export const BENCH_ROOT = path.join(os.tmpdir(), 'evidentia-bench');

export interface ReviewSpec {
  articles: number;
  annotations: number;
  seed: number;
}

export interface PreparedInfo {
  summary: GenerateSummary;
  listed: number;
  listMs: number;
  searchReadyMs: number | null;
  searchNote: string;
}

export interface CachedReview extends PreparedInfo {
  dir: string;
  /** True when this run generated it (and how long that took, generation plus first open). */
  generatedNow: boolean;
  prepareSeconds: number;
}

interface Marker extends ReviewSpec {
  version: number;
  finished: string;
}

export async function ensureReview(spec: ReviewSpec, log: (line: string) => void): Promise<CachedReview> {
  const cacheDir = path.join(BENCH_ROOT, `${spec.articles}-${spec.annotations}-${spec.seed}`);
  const dir = path.join(cacheDir, 'review');
  const marker = await readFile(path.join(cacheDir, 'complete.json'), 'utf8')
    .then((t) => JSON.parse(t) as Marker)
    .catch(() => null);
  if (marker?.version === GENERATOR_VERSION) {
    const info = JSON.parse(await readFile(path.join(cacheDir, 'summary.json'), 'utf8')) as PreparedInfo;
    log(`using the cached review ${dir}`);
    return { ...info, dir, generatedNow: false, prepareSeconds: 0 };
  }
  log(`generating ${spec.articles} articles / ${spec.annotations} annotations (seed ${spec.seed}) into ${dir}`);
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const run = await runChild<PreparedInfo>('prepare', { dir, ...spec }, { workDir: cacheDir });
  await writeFile(path.join(cacheDir, 'summary.json'), JSON.stringify(run.result));
  const done: Marker = { ...spec, version: GENERATOR_VERSION, finished: new Date().toISOString() };
  await writeFile(path.join(cacheDir, 'complete.json'), JSON.stringify(done));
  return { ...run.result, dir, generatedNow: true, prepareSeconds: run.wallMs / 1000 };
}

/** A fresh folder for one benchmark run. */
export async function runFolder(): Promise<string> {
  await mkdir(BENCH_ROOT, { recursive: true });
  return mkdtemp(path.join(BENCH_ROOT, 'run-'));
}

/**
 * A full copy of a cached review into `target` (seconds taken). Modification times are kept (cp -a):
 * the copy is the same review reopened. A copy with new times would make the catalogue re-read and
 * re-anchor every shard in the background after open (it cannot tell the files are unchanged).
 */
export async function copyReview(source: string, target: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)('cp', ['-a', source, target]);
  // Flush the copy's ~700 MB to disk now: otherwise its writeback runs during the next phase and
  // the disk the harness just filled is what gets measured, not Evidentia.
  await promisify(execFile)('sync');
  return (performance.now() - started) / 1000;
}
