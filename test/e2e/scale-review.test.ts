/**
 * A person's first minutes with a big review, in real Chromium against `evidentia serve`: open the
 * library, scroll it to the end, search, open an article with 200 annotations, tag an outcome. It
 * needs a generated review (10,000 articles / 500,000 annotations: `npm run gen`), so it runs only
 * when one is named:
 *
 *   EVIDENTIA_SCALE_REVIEW=DIR npx vitest run --project e2e test/e2e/scale-review.test.ts
 *
 * The review is served as it is (the tagged outcome is saved into it: use a copy). Figures are
 * printed ([scale] lines) and screenshots land in test-results/e2e/scale-*.png; the assertions are
 * about behaviour (virtualised rows, hits shown, the outcome saved), never about time.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openBrowser } from './helpers/browser';
import { startBridge } from './helpers/bridge';
import { callOk, fillForm, saveForm, sidebar } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';

const reviewDir = process.env.EVIDENTIA_SCALE_REVIEW;
if (!reviewDir) console.log('[scale] skipped: set EVIDENTIA_SCALE_REVIEW to a generated review (npm run gen) to run it');

const since = (t: number) => Math.round(performance.now() - t);

describe.skipIf(!chromiumAvailable() || !reviewDir)('a 10,000-article review in Chromium', () => {
  it('opens, scrolls, searches, opens an article and tags an outcome', { timeout: 180_000 }, async () => {
    const bridge = await startBridge({ reviewDir: reviewDir! });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      let t = performance.now();
      await page.goto(bridge.url);
      const table = page.getByRole('table', { name: 'Articles' });
      await table.locator('[data-article-id]').first().waitFor();
      const total = Number(await table.getAttribute('aria-rowcount')) - 1;
      const rendered = await table.locator('[data-article-id]').count();
      console.log(`[scale] library: ${total} articles, first rows shown ${since(t)} ms after navigation, ${rendered} rows in the DOM`);
      expect(total).toBeGreaterThanOrEqual(10_000);
      expect(rendered).toBeLessThan(200);

      // Scroll to the end in 40 steps, one per frame, recording the longest frame.
      const frames = await page.evaluate(async () => {
        const row = document.querySelector('[data-article-id]');
        let box = row?.parentElement ?? null;
        while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
        if (!box) return { longest: -1, steps: 0 };
        const gaps: number[] = [];
        let last = performance.now();
        for (let i = 1; i <= 40; i++) {
          box.scrollTop = (box.scrollHeight * i) / 40;
          await new Promise(requestAnimationFrame);
          const now = performance.now();
          gaps.push(now - last);
          last = now;
        }
        return { longest: Math.round(Math.max(...gaps)), steps: gaps.length };
      });
      const lastRows = await table.locator('[data-article-id]').count();
      console.log(`[scale] scrolled to the end in ${frames.steps} frames, longest frame ${frames.longest} ms, ${lastRows} rows in the DOM`);
      expect(lastRows).toBeLessThan(200);
      await shot(page, 'scale-01-library-end');

      const box = page.getByRole('searchbox', { name: 'Search full text' });
      await box.click();
      t = performance.now();
      await box.pressSequentially('placebo week', { delay: 40 });
      const typed = performance.now();
      const results = page.getByRole('region', { name: 'Search results' });
      await results.locator('.search-hit').first().waitFor();
      console.log(`[scale] search "placebo week": first hits ${Math.round(performance.now() - typed)} ms after the last key (typing took ${Math.round(typed - t)} ms); ${(await results.textContent())?.match(/[\d,]+ articles?/)?.[0] ?? '?'}`);
      await shot(page, 'scale-02-search');
      await box.press('Escape');

      const articles = await callOk(bridge, 'articles.list', {});
      const target = articles.find((a) => a.annotationCount === 200 && a.kind !== 'citation') ?? articles.find((a) => a.annotationCount === 200)!;
      t = performance.now();
      await page.goto(`${bridge.url}#/article/${target.id}`);
      await sidebar(page).locator('li[data-annotation-id]').first().waitFor({ timeout: 30_000 });
      console.log(`[scale] article with 200 annotations: sidebar listed ${since(t)} ms after navigation`);
      await shot(page, 'scale-03-article');

      const article = await callOk(bridge, 'articles.get', { id: target.id });
      const sentence = article.text.split('\n').find((line) => /\d/.test(line) && line.length > 80)!.slice(0, 40);
      await selectWithMouse(page, page.getByRole('article', { name: 'Article text' }), sentence);
      await page.getByRole('button', { name: 'Tag outcome', exact: true }).click();
      const form = page.getByRole('dialog', { name: 'Tag outcome' });
      await fillForm(form, { Outcome: 'Scale check', Value: '1.23' });
      const calls: string[] = [];
      const started = new Map<string, number>();
      page.on('request', (r) => started.set(r.url(), performance.now()));
      page.on('requestfinished', (r) => {
        if (r.url().includes('/api/')) calls.push(`${r.url().split('/api/')[1]} ${Math.round(performance.now() - (started.get(r.url()) ?? 0))} ms`);
      });
      t = performance.now();
      await saveForm(form);
      console.log(`[scale] outcome saved and the form closed ${since(t)} ms after Save (calls: ${calls.join(', ')})`);
      await expect.poll(async () => (await callOk(bridge, 'annotations.list', { articleId: target.id })).length).toBe(201);
      await shot(page, 'scale-04-tagged');
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
      await bridge.stop();
    }
  });
});
