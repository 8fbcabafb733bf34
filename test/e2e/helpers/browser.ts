/**
 * Debian's Chromium driven by playwright-core. No browser download: if /usr/bin/chromium is absent
 * the suite says why and skips — except under CI=true, where a missing browser is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.EVIDENTIA_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Whether the suite can run; prints the reason (or throws under CI) when it cannot. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const reason = `End-to-end tests need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install chromium).`;
  if (process.env.CI === 'true') throw new Error(`${reason} Under CI=true a missing browser is a failure.`);
  console.warn(`SKIPPED: ${reason}`);
  return false;
}

export interface BrowserSession {
  browser: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (a clean run has none). */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh profile each time, so no state leaks between tests. */
export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'evidentia-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    browser: context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };
