/**
 * Full-text search in the library, in real Chromium against `evidentia serve`: import three text
 * articles, type a query (the last word half-typed), see the right hit with its words marked, clear
 * with Escape, search again, open the hit in the reader.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { expectNoPageErrors, importFiles, openLibrary } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const FILES = {
  'proderm.txt': `IVIg for dermatomyositis: the ProDERM trial

The ProDERM trial randomised 95 adults with active dermatomyositis to intravenous immunoglobulin or placebo. At week 16, 79% of patients on IVIg responded, against 44% on placebo. The mean change in CDASI-A was −9.36 with IVIg and −1.16 with placebo. Bata-Csörgő and colleagues commented on the result.
`,
  'kidney.txt': `Kidney outcomes with SGLT2 inhibitors

A pooled analysis of trials of empagliflozin against placebo: the sustained decline in eGFR was less frequent with treatment.
`,
  'surgery.txt': `Mortality after cardiac surgery

A cohort study of 2,000 operations; no placebo was used. Mortality at 30 days was 2.1%.
`,
};

describe.skipIf(!chromiumAvailable())('library search (Chromium + bridge)', () => {
  const session = useE2eSession({ files: FILES });

  it('finds an article as you type, marks the words, and opens the hit in the reader', async () => {
    const page = await openLibrary(session);
    await expect(importFiles(page, Object.keys(FILES).map((f) => session.file(f)))).resolves.toContain('3 imported');

    const box = page.getByRole('searchbox', { name: 'Search full text' });
    await expect(box.getAttribute('placeholder')).resolves.toBe('Search full text…');
    await box.click();
    await box.pressSequentially('placebo csorg', { delay: 30 });

    const results = page.getByRole('region', { name: 'Search results' });
    const hits = results.locator('.search-hit');
    await results.getByText('1 article', { exact: true }).waitFor();
    await expect(hits.count()).resolves.toBe(1);
    const link = hits.first().getByRole('link');
    await expect(link.textContent()).resolves.toBe('IVIg for dermatomyositis: the ProDERM trial');
    // The snippet is the text around the first match: "placebo" (twice), marked.
    await expect(hits.first().locator('mark').allTextContents()).resolves.toEqual(['placebo', 'placebo']);
    // The article list stays mounted under the results panel.
    await expect(page.getByRole('table').count()).resolves.toBe(1);
    await shot(page, 'search-01-hit-with-marks');

    // Escape clears the box and closes the results.
    await box.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    await results.waitFor({ state: 'detached' });

    // A word every article has: three hits; arrow keys reach the hits.
    await box.fill('placebo');
    await results.getByText('3 articles', { exact: true }).waitFor();
    // "trial" as typed so far also finds "trials"; the title match ranks first.
    await box.fill('trial');
    await results.getByText('2 articles', { exact: true }).waitFor();
    await expect(hits.first().getByRole('link').textContent()).resolves.toBe('IVIg for dermatomyositis: the ProDERM trial');
    await box.press('ArrowDown');
    await box.page().keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Kidney outcomes with SGLT2 inhibitors');
    await box.fill('');
    await results.waitFor({ state: 'detached' });

    // Accents and case do not matter; the snippet moves to where the word is.
    await box.fill('CSORGO');
    await results.getByText('1 article', { exact: true }).waitFor();
    await expect(hits.first().locator('mark').allTextContents()).resolves.toEqual(['Csörgő']);
    await shot(page, 'search-02-accent-insensitive');
    await hits.first().getByRole('link').click();
    await page.locator('.article-text').waitFor();
    expect(page.url()).toMatch(/#\/article\/[0-9a-f]{16}$/);
    await expect(page.locator('.article-text').textContent()).resolves.toContain('Bata-Csörgő');
    expectNoPageErrors(session.errors);
  });
});
