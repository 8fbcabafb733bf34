/** UI steps shared by the end-to-end tests, written as a user would do them. */
import type { Locator, Page } from 'playwright-core';

/** The labels the outcome form must show, exactly (issue 2, point 5). */
export const OUTCOME_LABELS = ['Outcome', 'Arm', 'Time point', 'Measure', 'Value', 'Unit', 'CI low', 'CI high', 'p value', 'n', 'Note'];

/** Picks files with the library's "Import files" input and waits for the batch to finish. */
export async function importFiles(page: Page, paths: string[]) {
  await page.locator('input[type=file]').setInputFiles(paths);
  await page.getByText(/^Import finished:/).waitFor({ timeout: 60_000 });
}

/** The library row link of an article whose title matches. */
export function articleLink(page: Page, title: RegExp): Locator {
  return page.getByRole('table').getByRole('link', { name: title });
}

export function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/** True when the element lies inside the viewport and inside its scroll container's visible box. */
function visibleIn(sel: string): boolean {
  const el = document.querySelector(sel);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const box = el.closest('.text-view, .pdf-container')?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight);
  return r.height > 0 && r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom);
}

export function isInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(visibleIn, selector);
}

/** Waits until the element is in view and smooth scrolling has stopped (so screenshots are settled). */
export async function waitInView(page: Page, selector: string) {
  await page.waitForFunction(visibleIn, selector);
  await page.waitForFunction(
    (sel) =>
      new Promise<boolean>((resolve) => {
        const scroller = document.querySelector(sel)?.closest('.text-view, .pdf-container');
        const before = scroller?.scrollTop;
        setTimeout(() => resolve(scroller?.scrollTop === before), 150);
      }),
    selector,
  );
}

/** Collects nothing-should-go-wrong signals: console errors and uncaught exceptions. */
export function expectNoPageErrors(errors: string[]) {
  if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
}
