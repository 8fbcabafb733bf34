/**
 * The extraction sheet at scale: 100,000 outcome records (500 articles × 200) in real Chromium.
 * Checks what a user relies on — only a window of rows is in the DOM, the text filter is case- and
 * accent-insensitive, sorting a number column is numeric, groups fold, edits in place persist, and
 * a row opens the reader at its quote — and prints timings (never asserted: machines differ).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors } from './helpers/flow';
import { BIG_OUTCOMES, bigValue, writeBigReview } from './helpers/big-review';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const ARTICLES = 500;
const PER_ARTICLE = 200;
const RECORDS = ARTICLES * PER_ARTICLE;

/** Every value the big review holds (a few records have none). */
function allValues(): number[] {
  const out: number[] = [];
  for (let i = 0; i < ARTICLES; i += 1) for (let j = 0; j < PER_ARTICLE; j += 1) if (j % 50 !== 7) out.push(Number(bigValue(i, j)));
  return out;
}

const count = (page: Page) => page.locator('.sheet-count');
const recordsText = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'record' : 'records'}`;

/** Text of the cells of one column (by header label) in the first `rows` rendered body rows. */
async function columnCells(page: Page, label: string, rows: number): Promise<string[]> {
  return page.evaluate(
    ({ label, rows }) => {
      const headers = [...document.querySelectorAll<HTMLElement>('.sheet-head [role=columnheader]')];
      const col = headers.find((h) => h.querySelector('.label')?.textContent === label)?.getAttribute('aria-colindex');
      const out: string[] = [];
      for (let r = 0; r < rows; r += 1) {
        const cell = document.querySelector(`.sheet-body [aria-rowindex="${r + 2}"] [aria-colindex="${col}"]`);
        out.push(cell?.textContent ?? '(missing)');
      }
      return out;
    },
    { label, rows },
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe.skipIf(!chromiumAvailable())('extraction sheet with 100,000 records (Chromium + bridge)', () => {
  const session = useE2eSession({
    prepare: async (dir) => {
      const started = performance.now();
      const big = await writeBigReview(dir, { articles: ARTICLES, perArticle: PER_ARTICLE });
      console.log(`[sheet] wrote ${big.records} records in ${Math.round(performance.now() - started)} ms`);
    },
  });

  it('virtualises, filters, sorts numerically, groups, edits in place and opens the quote', async () => {
    const { page, bridge } = session;

    // First rows: the core builds the sheet from every shard on the first query.
    await page.goto(`${bridge.url}#/sheet`);
    await page.locator('.sheet-body a.open-link').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = await page.evaluate(() => performance.now());
    await expect(count(page).textContent()).resolves.toBe(recordsText(RECORDS));
    const rendered = await page.locator('.sheet-body [role=row]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100); // a window of rows, not 100,000
    await shot(page, 'sheet-01-grid');

    // Scroll top to bottom in 40 steps, timing frames in the page.
    const frames = await page.evaluate(async () => {
      const box = document.querySelector<HTMLElement>('.sheet-scroll')!;
      const gaps: number[] = [];
      let last = performance.now();
      let running = true;
      const tick = (t: number) => {
        gaps.push(t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(tick);
      });
      const steps = 40;
      for (let s = 1; s <= steps; s += 1) {
        box.scrollTop = Math.round((s / steps) * (box.scrollHeight - box.clientHeight));
        await new Promise((r) => setTimeout(r, 50));
      }
      running = false;
      return { gaps, rows: document.querySelectorAll('.sheet-body [role=row]').length };
    });
    expect(frames.rows).toBeLessThan(100);
    console.log(
      `[sheet] first rows at ${Math.round(firstRowsMs)} ms after navigation; ${rendered} rows in the DOM; ` +
        `scroll: ${frames.gaps.length} frames, max gap ${Math.round(Math.max(...frames.gaps))} ms, p95 ${Math.round(percentile(frames.gaps, 95))} ms`,
    );
    // The last record arrives once its page is fetched.
    await page.locator(`.sheet-body [aria-rowindex="${RECORDS + 1}"] a.open-link`).waitFor();
    await shot(page, 'sheet-02-bottom');

    // Text filter: case- and accent-insensitive ("DEME RESIDUEL" finds "Œdème résiduel").
    const outcome = 'Œdème résiduel';
    const index = BIG_OUTCOMES.indexOf(outcome);
    let expected = 0;
    for (let i = 0; i < ARTICLES; i += 1) for (let j = 0; j < PER_ARTICLE; j += 1) if ((i * 7 + j) % BIG_OUTCOMES.length === index) expected += 1;
    const search = page.getByLabel('Search');
    await page.evaluate(() => {
      const w = window as unknown as { typedAt?: number; countedAt?: number };
      const input = document.querySelector('.sheet-filter.search input')!;
      input.addEventListener('input', () => (w.typedAt ??= performance.now()));
      const out = document.querySelector('.sheet-count')!;
      const before = out.textContent;
      new MutationObserver(() => {
        if (out.textContent !== before && out.getAttribute('aria-busy') !== 'true') w.countedAt ??= performance.now();
      }).observe(out, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    await search.fill('DEME RESIDUEL');
    await expect.poll(() => count(page).textContent(), { timeout: 20_000 }).toBe(recordsText(expected));
    const filterMs = await page.evaluate(() => {
      const w = window as unknown as { typedAt: number; countedAt: number };
      return w.countedAt - w.typedAt;
    });
    console.log(`[sheet] text filter: count updated ${Math.round(filterMs)} ms after typing (150 ms of it is the debounce)`);
    await expect.poll(async () => [...new Set(await columnCells(page, 'Outcome', 5))], { timeout: 20_000 }).toEqual([outcome]);
    await shot(page, 'sheet-03-filtered');
    await search.fill('');
    await expect.poll(() => count(page).textContent(), { timeout: 20_000 }).toBe(recordsText(RECORDS));

    // Sort by Value: numeric order (text order would put "-1000" before "-2"), empty cells last.
    const values = allValues().sort((a, b) => a - b);
    const valueHeader = page.getByRole('columnheader', { name: /^Value/ });
    let sortStarted = performance.now();
    await valueHeader.getByRole('button').click();
    await expect.poll(() => valueHeader.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('ascending');
    await expect.poll(async () => (await columnCells(page, 'Value', 1))[0], { timeout: 20_000 }).toBe(String(values[0]));
    const ascMs = performance.now() - sortStarted;
    const ascending = (await columnCells(page, 'Value', 12)).map(Number);
    expect(ascending).toEqual(values.slice(0, 12));
    sortStarted = performance.now();
    await valueHeader.getByRole('button').click();
    await expect.poll(() => valueHeader.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('descending');
    await expect.poll(async () => (await columnCells(page, 'Value', 1))[0], { timeout: 20_000 }).toBe(String(values[values.length - 1]));
    console.log(`[sheet] sort by Value: ascending shown after ~${Math.round(ascMs)} ms, descending after ~${Math.round(performance.now() - sortStarted)} ms (polled)`);
    await shot(page, 'sheet-04-sorted');

    // Group by outcome, fold the first group: the next row is the next group's header.
    await page.getByLabel('Group by').selectOption('outcome');
    const firstGroup = page.locator('.sheet-body [aria-rowindex="2"].group');
    await firstGroup.waitFor();
    await firstGroup.getByRole('button').click();
    await expect.poll(() => firstGroup.getByRole('button').getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('false');
    await page.locator('.sheet-body [aria-rowindex="3"].group').waitFor();
    await shot(page, 'sheet-05-grouped');
    await page.getByLabel('Group by').selectOption('none');
    await page.locator('.sheet-body [aria-rowindex="2"]:not(.group) a.open-link').waitFor();

    // Edit in place with the keyboard: focus Arm, → to Time point, Enter, type, Enter.
    const rowOne = page.locator('.sheet-body [aria-rowindex="2"]');
    const [topValue] = await columnCells(page, 'Value', 1);
    const arm = await page.evaluate(() => [...document.querySelectorAll('.sheet-head [role=columnheader]')].findIndex((h) => h.textContent === 'Arm') + 1);
    await rowOne.locator(`[aria-colindex="${arm}"]`).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const editor = page.getByLabel('Edit Time point');
    await editor.fill('week 99');
    await shot(page, 'sheet-06-editing');
    await page.keyboard.press('Enter');
    await rowOne.getByText('week 99', { exact: true }).waitFor();
    const saved = await callOk(bridge, 'sheet.query', { filter: { text: 'week 99' } });
    expect(saved.recordCount).toBe(1);
    const savedRow = saved.rows[0]!;
    expect(savedRow.kind === 'record' && savedRow.values['o.value']).toBe(topValue);

    // Escape cancels an edit; a status is chosen from a select.
    await rowOne.getByText('week 99', { exact: true }).dblclick();
    await page.getByLabel('Edit Time point').fill('never saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel('Edit Time point').count(), { timeout: 20_000 }).toBe(0);
    await rowOne.locator('.status-pill').dblclick();
    await page.getByLabel('Edit Status').selectOption('verified');
    await rowOne.getByText('Verified', { exact: true }).waitFor();
    const after = await callOk(bridge, 'sheet.query', { filter: { text: 'week 99' } });
    expect(after.rows[0]).toMatchObject({ kind: 'record', status: 'verified', values: { 'o.timepoint': 'week 99' } });

    // The article cell opens the reader at the record's quote.
    if (savedRow.kind !== 'record') throw new Error('expected a record row');
    await rowOne.locator('a.open-link').click();
    await page.waitForURL((url) => url.hash === `#/article/${savedRow.articleId}/annotation/${savedRow.annotationId}`);
    const mark = page.locator(`mark[data-annotation-ids~="${savedRow.annotationId}"]`).first();
    await mark.waitFor();
    await expect(mark.textContent()).resolves.toBe(savedRow.quote);
    await shot(page, 'sheet-07-reader');
    expectNoPageErrors(session.errors);
  });
});
