/**
 * Runs the real browser bridge the way a user does: `node dist/cli/evidentia.mjs serve DIR --port 0`,
 * reading the URL (token included) it prints on stdout.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, Input, Output } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'dist/cli/evidentia.mjs');
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/;
const START_TIMEOUT_MS = 30_000;

export interface RunningBridge {
  url: string;
  reviewDir: string;
  /** Calls a channel directly (to check what the UI stored), as the renderer would. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  stop(): Promise<void>;
}

export function assertBuilt() {
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('The end-to-end tests run against the build: run `npm run build` first (`npm test` does).');
  }
}

/** `evidentia init DIR`: a new empty review, as a user makes one. */
export function initReview(dir: string) {
  const init = spawnSync(process.execPath, [CLI, 'init', dir, '--name', 'E2E review'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`evidentia init failed: ${init.stderr}`);
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(`no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      reject(new Error(`evidentia serve: ${why}.\nstdout: ${out}\nstderr: ${err}`));
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = URL_PATTERN.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Serves a new, empty review in a temp folder — or, with `reviewDir`, a review another bridge already
 * serves (that second process cannot take the writer lock, so it serves the review read-only).
 */
export async function startBridge(options: { reviewDir?: string } = {}): Promise<RunningBridge> {
  assertBuilt();
  const owned = options.reviewDir === undefined;
  const reviewDir = options.reviewDir ?? join(mkdtempSync(join(tmpdir(), 'evidentia-e2e-')), 'review');
  if (owned) initReview(reviewDir);
  const child = spawn(process.execPath, [CLI, 'serve', reviewDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url: string;
  try {
    url = await waitForUrl(child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token')!;
  return {
    url,
    reviewDir,
    async call(channel, input) {
      const response = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-evidentia-token': token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as never;
    },
    async stop() {
      await stopChild(child);
      if (owned) rmSync(join(reviewDir, '..'), { recursive: true, force: true });
    },
  };
}
