/**
 * The setup every end-to-end suite shares: fixture files in a temp folder, a running bridge, a fresh
 * Chromium profile — started in beforeAll and torn down in afterAll.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { initReview, startBridge, type RunningBridge } from './bridge';
import { openBrowser, type BrowserSession } from './browser';

export interface E2eSessionOptions {
  /** Fixture files (name → content) written to a temp folder before the bridge starts. */
  files?: Record<string, string | Uint8Array>;
  /**
   * Prepares the review before the bridge serves it: the review is made (`evidentia init`) in a
   * temp folder, handed to `prepare`, then served; the folder is removed in afterAll.
   */
  prepare?: (reviewDir: string) => Promise<void>;
}

export interface E2eSession {
  readonly bridge: RunningBridge;
  readonly browser: BrowserSession;
  readonly page: Page;
  /** Console errors and uncaught page errors seen so far. */
  readonly errors: string[];
  /** The path of a fixture file given in `files`. */
  file(name: string): string;
}

/** Registers beforeAll/afterAll in the calling describe block; the accessors work inside its tests. */
export function useE2eSession(options: E2eSessionOptions = {}): E2eSession {
  let bridge: RunningBridge | undefined;
  let browser: BrowserSession | undefined;
  let filesDir: string | undefined;
  let reviewRoot: string | undefined;

  beforeAll(async () => {
    if (options.files) {
      filesDir = mkdtempSync(join(tmpdir(), 'evidentia-e2e-files-'));
      for (const [name, content] of Object.entries(options.files)) writeFileSync(join(filesDir, name), content);
    }
    if (options.prepare) {
      reviewRoot = mkdtempSync(join(tmpdir(), 'evidentia-e2e-review-'));
      const reviewDir = join(reviewRoot, 'review');
      initReview(reviewDir);
      await options.prepare(reviewDir);
      bridge = await startBridge({ reviewDir });
    } else {
      bridge = await startBridge();
    }
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    for (const dir of [filesDir, reviewRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function started<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`useE2eSession: the ${what} is not started (use it inside a test).`);
    return value;
  }

  return {
    get bridge() {
      return started(bridge, 'bridge');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(browser, 'browser').page;
    },
    get errors() {
      return started(browser, 'browser').errors;
    },
    file(name) {
      return join(started(filesDir, 'fixture folder'), name);
    },
  };
}
