/**
 * The reference case by hand, in Chromium: the two seed articles imported through the UI, both
 * CDASI-A results of the Lancet report tagged with the mouse and the template's form, then the
 * sheet shows them and the forest plot draws one row per arm. Skips (saying why) when
 * ../shared/seeds is not beside the checkout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, expectNoPageErrors, fillForm, importFiles, openLibrary, saveForm } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
const present = existsSync(seeds);
if (!present) console.log(`[seeds-forest] skipped: ${seeds} is not present (it sits beside the checkout on the team's machines).`);
const files = present
  ? Object.fromEntries(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(path.join(seeds, f), 'utf8')]))
  : {};

const IVIG = '-9.36 (95% CI: -12.52, -6.19)';
const PLACEBO = '-1.16 (-3.32, 0.99)';

describe.skipIf(!chromiumAvailable() || !present)('the seeds tagged by hand: sheet and forest plot (Chromium + bridge)', () => {
  const session = useE2eSession({ files });

  it('tags both arms of the CDASI-A change in the form and plots them', async () => {
    const page = await openLibrary(session);
    await expect(importFiles(page, Object.keys(files).map((f) => session.file(f)))).resolves.toContain('2 imported');

    await articleLink(page, /Demonstrates Efficacy/).click();
    const text = page.locator('.article-text');
    await text.waitFor();
    for (const [quote, arm, low, high, value] of [
      [IVIG, 'IVIg', '-12.52', '-6.19', '-9.36'],
      [PLACEBO, 'Placebo', '-3.32', '0.99', '-1.16'],
    ] as const) {
      await selectWithMouse(page, text, quote);
      await page.getByRole('toolbar').getByRole('button', { name: 'Tag outcome', exact: true }).click();
      const form = page.getByRole('dialog', { name: 'Tag outcome' });
      await form.getByLabel('Outcome', { exact: true }).waitFor();
      await fillForm(form, { Outcome: 'CDASI-A change', Arm: arm, 'Time point': 'week 16', Measure: 'mean change', Value: value, 'CI low': low, 'CI high': high });
      await saveForm(form);
      await page.locator('mark').filter({ hasText: quote }).first().waitFor();
    }

    await page.getByRole('link', { name: 'Sheet', exact: true }).click();
    await page.getByText('2 records').waitFor();
    await shot(page, 'seeds-01-sheet');

    await page.getByRole('link', { name: 'Forest plot', exact: true }).click();
    const outcome = page.getByLabel('Outcome', { exact: true });
    await outcome.locator('option', { hasText: 'CDASI-A change (2)' }).waitFor({ state: 'attached' });
    await outcome.selectOption('CDASI-A change');
    const rows = page.locator('[data-testid=forest-svg] svg g.ev-forest-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const svgText = await page.locator('[data-testid=forest-svg]').textContent();
    expect(svgText).toContain('−9.36 [−12.52, −6.19]');
    expect(svgText).toContain('−1.16 [−3.32, 0.99]');
    await expect(rows.first().locator('title').textContent()).resolves.toBe(IVIG);
    await shot(page, 'seeds-02-forest');

    // The workbook from the library's Export menu (a background job, base64 over the contract).
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await page.getByLabel('Export format').selectOption('xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container, as XLSX files are
    expect(bytes.length).toBeGreaterThan(4000);
    expectNoPageErrors(session.errors);
  });
});
