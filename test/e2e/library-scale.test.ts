/**
 * Issue 5, the library at scale, in Chromium against the bridge: 300 small text files are picked
 * in the file dialog; the import shows "n of 300", the current file and the time left, and is
 * cancelled midway (fewer imported than picked, and the summary says how many were left out); the
 * rest is imported. The list holds far fewer rows in the DOM than articles, scrolls to the last
 * one, sorts by title and by annotation count (remembered across a reload), and keeps the row at
 * the top of the view in place when a refresh inserts an article above it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, importFinished, openLibrary, pickFiles } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const COUNT = 300;
// First words in no alphabetical order, so "order added" and "by title" differ.
const WORDS = ['Mango', 'Quince', 'Apricot', 'Kiwi', 'Fig', 'Walnut', 'Cherry', 'Olive', 'Date', 'Lime', 'Banana', 'Pear', 'Grape'];
const pad = (n: number) => String(n).padStart(3, '0');
const titleOf = (i: number) => `${WORDS[i % WORDS.length]} scale study ${pad(i)}`;
const fileOf = (i: number) => `scale-${pad(i)}.txt`;
const SENTENCE = 'Responders were 79% with IVIg against 44% with placebo at week 16.';
const articleText = (title: string) => `${title}\n\nA short report on one randomised trial. ${SENTENCE}\n\n${'The discussion weighs it against earlier work. '.repeat(20)}\n`;
const FIRST_TITLE = 'Aardvark study added last';

const files: Record<string, string> = {};
for (let i = 0; i < COUNT; i++) files[fileOf(i)] = articleText(titleOf(i));
files['aardvark.txt'] = articleText(FIRST_TITLE);

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const bodyRows = (page: Page) => page.locator('.articles-body [role=row]');
const firstRowTitle = (page: Page) => bodyRows(page).first().locator('.title-link').textContent();
const header = (page: Page, name: string) => page.getByRole('columnheader', { name });

/** Scrolls the list box to `top` (or to the end) and waits for the virtualiser to draw there. */
async function scrollList(page: Page, top: number | 'end') {
  await page.locator('.articles-scroll').evaluate((el, to) => el.scrollTo({ top: to === 'end' ? el.scrollHeight : to }), top);
  await page.waitForTimeout(150);
}

/** The row nearest the top of the list box's view (below the sticky header): its id and offset there. */
function topRow(page: Page): Promise<{ id: string; offset: number }> {
  return page.evaluate(() => {
    const box = document.querySelector('.articles-scroll')!;
    const head = box.querySelector('.articles-head')!.getBoundingClientRect();
    const rows = [...box.querySelectorAll<HTMLElement>('.articles-body [role=row]')];
    const row = rows.map((r) => ({ r, rect: r.getBoundingClientRect() })).filter(({ rect }) => rect.bottom > head.bottom + 1).sort((a, b) => a.rect.top - b.rect.top)[0]!;
    return { id: row.r.dataset.articleId!, offset: row.rect.top - box.getBoundingClientRect().top };
  });
}

describe.skipIf(!chromiumAvailable())('library at scale (Chromium + bridge)', () => {
  const session = useE2eSession({ files });

  it('imports with progress and cancel, virtualises, scrolls, sorts and stays put on refresh', async () => {
    const { page, bridge } = session;
    await openLibrary(session);
    await page.getByRole('heading', { name: 'No articles yet' }).waitFor();
    const all = Array.from({ length: COUNT }, (_, i) => session.file(fileOf(i)));

    // 1. Pick 300 files; the progress says "n of 300", the file and the time left; cancel midway.
    //    A little network latency keeps the batch long enough to be caught in the middle on a fast machine.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const latency = (ms: number) => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: ms, downloadThroughput: -1, uploadThroughput: -1 });
    await latency(40);
    await pickFiles(page, all);
    const label = page.locator('label[for="import-progress"]');
    await expect.poll(async () => Number(/Importing (\d+) of 300/.exec((await label.textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000, interval: 50 }).toBeGreaterThan(25);
    await expect(label.locator('.current-file').textContent()).resolves.toMatch(/^scale-\d{3}\.txt$/);
    await expect.poll(() => page.locator('.import-status .time-left').textContent()).toMatch(/left$/);
    await shot(page, 'library-scale-01-import-progress');
    await page.getByRole('region', { name: 'Import' }).getByRole('button', { name: 'Cancel' }).click();
    const cancelled = page.getByText(/^Import cancelled after/);
    await cancelled.waitFor({ timeout: 60_000 });
    const summary = (await cancelled.textContent())!;
    const [, done, total, imported, left] = /^Import cancelled after (\d+) of (\d+) files: (\d+) imported, .*\. (\d+) files? (?:was|were) not imported because of the cancel\.$/.exec(summary) ?? [];
    expect(summary).toMatch(/not imported because of the cancel/);
    expect(Number(total)).toBe(COUNT);
    expect(Number(done) + Number(left)).toBe(COUNT);
    expect(Number(done)).toBeLessThan(COUNT);
    expect(Number(imported)).toBe(Number(done));
    await expect(callOk(bridge, 'articles.list', {}).then((l) => l.length)).resolves.toBe(Number(done));
    await shot(page, 'library-scale-02-import-cancelled');
    await latency(0);

    // 2. The rest: those already in are recognised, the others imported.
    await pickFiles(page, all);
    await expect(importFinished(page, 120_000)).resolves.toBe(
      `Import finished: ${COUNT - Number(done)} imported, ${done} already present, 0 failed.`,
    );

    // 3. Virtualised: 300 articles, a few dozen rows in the DOM.
    const table = page.getByRole('table', { name: 'Articles' });
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    await bodyRows(page).first().waitFor();
    const drawn = await bodyRows(page).count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(60);
    await expect(firstRowTitle(page)).resolves.toBe(titleOf(0)); // the order added
    await shot(page, 'library-scale-03-library');

    // 4. Scrolled to the bottom: the last article is there, the first is not in the DOM any more.
    await scrollList(page, 'end');
    const last = table.getByRole('link', { name: titleOf(COUNT - 1), exact: true });
    await last.waitFor();
    await expect(table.getByRole('link', { name: titleOf(0), exact: true }).count()).resolves.toBe(0);
    await expect.poll(() => bodyRows(page).count()).toBeLessThan(60);
    await shot(page, 'library-scale-04-scrolled-to-end');

    // 5. Sort by title: ascending, then descending; back at the top each time.
    const byTitle = Array.from({ length: COUNT }, (_, i) => titleOf(i)).sort(collator.compare);
    await header(page, 'Title').getByRole('button').click();
    await expect.poll(() => header(page, 'Title').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => firstRowTitle(page)).toBe(byTitle[0]);
    await header(page, 'Title').getByRole('button').click();
    await expect.poll(() => header(page, 'Title').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => firstRowTitle(page)).toBe(byTitle[COUNT - 1]);
    await shot(page, 'library-scale-05-sorted-by-title-desc');

    // 6. By annotation count, most first (two clicks); the sort is remembered across a reload.
    const list = await callOk(bridge, 'articles.list', {});
    const idOf = (title: string) => list.find((a) => a.title === title)!.id;
    const annotate = async (title: string, times: number) => {
      const article = await callOk(bridge, 'articles.get', { id: idOf(title) });
      const start = article.text.indexOf(SENTENCE);
      for (let k = 0; k < times; k++) {
        await callOk(bridge, 'annotations.create', { articleId: article.id, start, end: start + SENTENCE.length, exact: SENTENCE, body: { type: 'note', text: `note ${k}` } });
      }
    };
    await annotate(titleOf(150), 3);
    await annotate(titleOf(42), 1);
    await page.reload();
    await expect.poll(() => header(page, 'Title').getAttribute('aria-sort')).toBe('descending');
    await header(page, 'Annotations').getByRole('button').click();
    await header(page, 'Annotations').getByRole('button').click();
    await expect.poll(() => header(page, 'Annotations').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => bodyRows(page).nth(0).locator('.title-link').textContent()).toBe(titleOf(150));
    await expect(bodyRows(page).nth(1).locator('.title-link').textContent()).resolves.toBe(titleOf(42));
    await expect(bodyRows(page).nth(0).getByRole('cell').nth(3).textContent()).resolves.toBe('3');
    await shot(page, 'library-scale-06-sorted-by-annotations');

    // 7. Sorted by title, scrolled into the middle: an import puts "Aardvark…" at the very top of
    //    the list; the row at the top of the view does not move.
    await header(page, 'Title').getByRole('button').click();
    await expect.poll(() => header(page, 'Title').getAttribute('aria-sort')).toBe('ascending');
    await scrollList(page, 6000);
    const before = await topRow(page);
    await pickFiles(page, [session.file('aardvark.txt')]);
    await importFinished(page);
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(COUNT + 2));
    await page.waitForTimeout(300);
    const after = await topRow(page);
    expect(after.id).toBe(before.id);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(2);
    await shot(page, 'library-scale-07-stable-after-refresh');
    await scrollList(page, 0);
    await expect.poll(() => firstRowTitle(page)).toBe(FIRST_TITLE);

    expectNoPageErrors(session.errors);
  });
});
