/**
 * The child side of a benchmark phase. A probe is a bundled entry run in a fresh Node process; it
 * reads its input from a JSON file named on the command line, logs progress to stderr, and ends by
 * printing one line of JSON on stdout: its result and the process's peak RSS, or its error.
 */
import { readFileSync } from 'node:fs';
import type { SearchResult } from '../../shared/model/index.js';

/** One stdout line the parent may time (e.g. "the article list is available"). */
export function signal(name: string): void {
  process.stdout.write(`${JSON.stringify({ signal: name, at: performance.now() })}\n`);
}

export function progress(line: string): void {
  process.stderr.write(`    ${line}\n`);
}

export function readInput<T>(): T {
  const file = process.argv[2];
  if (!file) throw new Error('probe: no input file given');
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Run the probe body; print its result with maxRSS (KB), or its error, as the last stdout line. */
export async function runProbe(body: () => Promise<unknown>): Promise<void> {
  try {
    const result = await body();
    process.stdout.write(`${JSON.stringify({ ok: true, result, maxRssKb: process.resourceUsage().maxRSS })}\n`);
    process.exitCode = 0;
  } catch (error) {
    const message = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack}` : ''}` : String(error);
    process.stdout.write(`${JSON.stringify({ ok: false, error: message, maxRssKb: process.resourceUsage().maxRSS })}\n`);
    process.exitCode = 1;
  }
}

/**
 * Wait until the search index of a freshly opened review is ready (loaded from .index/, or rebuilt
 * when the review has none yet): the background work a review does once after it opens.
 */
export async function searchIndexReady(core: { 'search.query': (q: { query: string }) => Promise<SearchResult> }): Promise<SearchResult> {
  return waitFor<SearchResult>(
    () => core['search.query']({ query: 'x' }),
    (r) => r.index.ready,
    (r) => r.index.indexed,
    { intervalMs: 50, stallMs: 60_000, describe: (r) => `search index ${r.index.indexed}/${r.index.total} articles, not ready` },
  );
}

/** Poll until `ready` says so, failing when nothing moves for `stallMs`. */
export async function waitFor<T>(
  poll: () => Promise<T>,
  done: (value: T) => boolean,
  progressOf: (value: T) => number,
  options: { intervalMs: number; stallMs: number; describe: (value: T) => string },
): Promise<T> {
  let last = await poll();
  let lastProgress = progressOf(last);
  let movedAt = performance.now();
  while (!done(last)) {
    await new Promise((r) => setTimeout(r, options.intervalMs));
    last = await poll();
    const p = progressOf(last);
    if (p !== lastProgress) {
      lastProgress = p;
      movedAt = performance.now();
    } else if (performance.now() - movedAt > options.stallMs) {
      throw new Error(`gave up after ${Math.round(options.stallMs / 1000)} s without progress: ${options.describe(last)}`);
    }
  }
  return last;
}
