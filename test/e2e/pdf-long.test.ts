/**
 * Issue 5, a long PDF in Chromium against the bridge: a 117-page report the test generates is
 * imported through the UI and opened cold (a fresh page load at the article's address). The time
 * from navigation to the first page's canvas holding ink is measured and printed — not asserted:
 * timings belong to benchmarks, not to a test on a loaded machine. What is asserted is how pdf.js
 * is used: only a few of the 117 pages are ever drawn (canvas or text layer), and a far page is
 * drawn once scrolled to.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeLongPdf } from '../fixtures/make-pdf';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, openAndImport } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const PAGES = 117;
const FAR = 100;
/** pdf.js keeps at most 10 page views drawn (its PDFPageViewBuffer); a few more would mean it draws everything. */
const MAX_DRAWN = 10;

/** Pages with a canvas, and pages with a filled text layer, among the viewer's page placeholders. */
function drawnPages(page: Page): Promise<{ placeholders: number; canvases: number[]; textLayers: number[] }> {
  return page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.pdfViewer .page')];
    const numbers = (test: (p: HTMLElement) => boolean) => pages.filter(test).map((p) => Number(p.dataset.pageNumber));
    return {
      placeholders: pages.length,
      canvases: numbers((p) => p.querySelector('canvas') !== null),
      textLayers: numbers((p) => (p.querySelector('.textLayer')?.childElementCount ?? 0) > 0),
    };
  });
}

/**
 * When page `n`'s canvas first holds ink (performance.now(), so from the navigation's start), or
 * false while it does not: the canvas is shrunk onto a small one and any non-white pixel counts.
 */
function inkedAt(n: number): number | false {
  const canvas = document.querySelector<HTMLCanvasElement>(`.pdfViewer .page[data-page-number="${n}"] canvas`);
  if (!canvas || canvas.width === 0) return false;
  const probe = document.createElement('canvas');
  probe.width = 60;
  probe.height = 80;
  const ctx = probe.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 60, 80);
  ctx.drawImage(canvas, 0, 0, 60, 80);
  const { data } = ctx.getImageData(0, 0, 60, 80);
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 235) return performance.now();
  return false;
}

async function waitForInk(page: Page, n: number): Promise<number> {
  const handle = await page.waitForFunction(inkedAt, n, { polling: 'raf', timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

describe.skipIf(!chromiumAvailable())('a 117-page PDF (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'long-report.pdf': makeLongPdf({ pageCount: PAGES, title: 'A long trial report', author: 'L. Ong' }) } });

  it('shows the first page quickly and draws only the pages near the view', async () => {
    const { page, bridge } = session;
    await expect(openAndImport(session, ['long-report.pdf'])).resolves.toContain('1 imported');
    const [pdf] = await callOk(bridge, 'articles.list', {});
    expect(pdf).toMatchObject({ kind: 'pdf', pageCount: PAGES });

    // Cold open: a fresh document load at the article's address, timed from the navigation's start.
    await page.goto('about:blank');
    await page.goto(`${bridge.url}#/article/${pdf!.id}`);
    const coldMs = await waitForInk(page, 1);
    await page.locator('.textLayer', { hasText: `Page 1 of ${PAGES}` }).waitFor();
    const first = await drawnPages(page);
    await shot(page, 'pdf-long-01-first-page');

    // In-app open: from the library, a click on the title.
    await page.getByRole('link', { name: '← Library' }).click();
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('table').getByRole('link', { name: 'A long trial report' }).click();
    const warmMs = (await waitForInk(page, 1)) - clickedAt;
    console.log(`117-page PDF: first page drawn ${Math.round(coldMs)} ms after navigation (cold page load), ${Math.round(warmMs)} ms after a click in the library`);

    // Only the pages near the view are drawn, out of 117 placeholders.
    expect(first.placeholders).toBe(PAGES);
    expect(first.canvases).toContain(1);
    expect(first.canvases.length).toBeLessThanOrEqual(MAX_DRAWN);
    expect(first.textLayers.length).toBeLessThanOrEqual(MAX_DRAWN);

    // Scrolled far: page 100 is drawn (canvas and text layer), and still only a few pages are.
    await page.locator(`.pdfViewer .page[data-page-number="${FAR}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await waitForInk(page, FAR);
    await page.locator('.textLayer', { hasText: `Page ${FAR} of ${PAGES}` }).waitFor();
    await expect.poll(async () => (await drawnPages(page)).canvases).toContain(FAR);
    const far = await drawnPages(page);
    expect(far.canvases.length).toBeLessThanOrEqual(MAX_DRAWN);
    expect(far.textLayers.length).toBeLessThanOrEqual(MAX_DRAWN);
    expect(far.canvases.filter((n) => n > 3 && n < FAR - 3)).toEqual([]); // nothing drawn on the way
    console.log(`117-page PDF: drawn at first ${JSON.stringify(first.canvases)}, after scrolling to page ${FAR} ${JSON.stringify(far.canvases)}`);
    await shot(page, 'pdf-long-02-page-100');
    expectNoPageErrors(session.errors);
  });
});
