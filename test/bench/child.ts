/**
 * The parent side of a benchmark phase: bundle the probes (test/bench/probe-*.ts) into dist/tools/bench
 * with node-bundle.ts, run one in a fresh Node process, and collect its result, its peak RSS
 * and the parent-side times of the signals it prints (spawn → "the list is available").
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { bundleForNode } from './node-bundle.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file runs bundled as dist/tools/bench.mjs. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A folder of their own: dist/tools is shared with other tools and scratch bundles. */
const TOOLS = path.join(ROOT, 'dist', 'tools', 'bench');
export async function bundleProbes(): Promise<void> {
  const dir = path.join(ROOT, 'test', 'bench');
  const entries = readdirSync(dir).filter((n) => /^probe-.+\.ts$/.test(n) && n !== 'probe-common.ts');
  await bundleForNode(ROOT, { entryPoints: entries.map((n) => path.join(dir, n)), outdir: TOOLS, outExtension: { '.js': '.mjs' } });
}

export interface ChildRun<T> {
  result: T;
  maxRssMb: number;
  /** Spawn to exit, as the parent saw it. */
  wallMs: number;
  /** Spawn to each signal line, as the parent saw it. */
  signals: Record<string, number>;
}

export interface ChildOptions {
  /** Where the input file goes. */
  workDir: string;
  nodeArgs?: string[];
  timeoutMs?: number;
}

let inputs = 0;

/** Extra Node flags for every probe, e.g. BENCH_PROBE_NODE_ARGS=--trace-gc (Node refuses some in NODE_OPTIONS). */
const EXTRA_NODE_ARGS = (process.env.BENCH_PROBE_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');

export async function runChild<T>(probe: string, input: unknown, options: ChildOptions): Promise<ChildRun<T>> {
  const inputFile = path.join(options.workDir, `input-${process.pid}-${++inputs}.json`);
  await writeFile(inputFile, JSON.stringify(input));
  const script = path.join(TOOLS, `probe-${probe}.mjs`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...EXTRA_NODE_ARGS, script, inputFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    const signals: Record<string, number> = {};
    let final: { ok: boolean; result?: T; error?: string; maxRssKb: number } | null = null;
    let buffered = '';
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`probe-${probe} did not finish within ${Math.round(options.timeoutMs! / 1000)} s`));
        }, options.timeoutMs)
      : null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const now = performance.now();
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        let message: { signal?: string; ok?: boolean };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          process.stderr.write(`    probe-${probe}: ${line}\n`);
          continue;
        }
        if (message.signal) signals[message.signal] = now - started;
        else if ('ok' in message) final = message as typeof final;
      }
    });
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (final?.ok) resolve({ result: final.result as T, maxRssMb: final.maxRssKb / 1024, wallMs, signals });
      else if (final) {
        // The whole message (with its stack) goes to the log; the table gets its first line.
        const message = final.error ?? 'failed';
        process.stderr.write(`    probe-${probe} failed: ${message.replace(/\n/g, '\n      ')}\n`);
        reject(new Error(message.split('\n')[0]));
      }
      else reject(new Error(`probe-${probe} exited with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}
