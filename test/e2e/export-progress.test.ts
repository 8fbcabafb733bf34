/**
 * Issue 5, export at scale, in Chromium against the bridge: an Excel export of 50,000 outcome
 * records shows what it is writing, "n of N" and the time left, and Cancel stops it with nothing
 * downloaded; a CSV export of the same review then runs to the end and is downloaded.
 */
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { writeBigReview } from './helpers/big-review';
import { expectNoPageErrors, openLibrary } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const ARTICLES = 500;
const PER_ARTICLE = 100;

describe.skipIf(!chromiumAvailable())('export progress and cancel (Chromium + bridge)', () => {
  const session = useE2eSession({ prepare: (dir) => writeBigReview(dir, { articles: ARTICLES, perArticle: PER_ARTICLE }).then(() => undefined) });

  it('shows count, part and time left, cancels without a download, then exports to the end', async () => {
    const page = await openLibrary(session);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    const panel = page.getByRole('group', { name: 'Export' });
    await page.getByRole('table', { name: 'Articles' }).waitFor();

    await page.getByLabel('Export format').selectOption('xlsx');
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    const label = panel.locator('.export-label');
    await expect.poll(() => label.textContent(), { timeout: 60_000, interval: 50 }).toMatch(/\([\d,]+ of [\d,]+\)/);
    await expect.poll(() => label.textContent(), { timeout: 60_000, interval: 100 }).toMatch(/ · (about .* left|a few seconds left)$/);
    const shown = (await label.textContent())!;
    expect(shown).toMatch(/^(Reading articles|Writing sheet .+) \([\d,]+ of [\d,]+\) · /);
    await shot(page, 'export-01-progress');
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Export cancelled: nothing was saved.' }).waitFor({ timeout: 30_000 });
    await shot(page, 'export-02-cancelled');
    await page.waitForTimeout(1000);
    expect(downloads).toHaveLength(0);

    // The same review as CSV, to the end: one download with every record.
    await page.getByLabel('Export format').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), panel.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(downloads).toHaveLength(1);
    await panel.getByRole('button', { name: 'Export', exact: true }).waitFor();
    expectNoPageErrors(session.errors);
  });
});
