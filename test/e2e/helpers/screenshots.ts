/** Screenshots land in test-results/e2e/ (git-ignored) for a person to look at. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './bridge';

export const SHOT_DIR = join(ROOT, 'test-results/e2e');

export async function shot(page: Page, name: string) {
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOT_DIR, `${name}.png`) });
}
