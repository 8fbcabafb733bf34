/** UI steps shared by the end-to-end tests, written as a user would do them. */
import type { Locator, Page } from 'playwright-core';
import type { Channel, Input, Output } from '../../../shared/contract.js';
import type { AnchoredAnnotation } from '../../../shared/model/index';
import type { RunningBridge } from './bridge';
import type { E2eSession } from './session';

/** The labels the outcome form shows with the default "Trial outcomes" template, exactly. */
export const OUTCOME_LABELS = ['Outcome', 'Arm', 'Time point', 'Measure', 'Value', 'Unit', 'CI low', 'CI high', 'p value', 'n', 'SD', 'Events', 'Note'];

/** Picks files with the library's "Import files" input (without waiting for anything). */
export async function pickFiles(page: Page, paths: string[]) {
  await page.locator('input[type=file]').setInputFiles(paths);
}

/** Waits for the "Import finished: …" summary and returns its text. */
export async function importFinished(page: Page, timeout?: number): Promise<string | null> {
  const summary = page.getByText(/^Import finished:/);
  await summary.waitFor(timeout === undefined ? undefined : { timeout });
  return summary.textContent();
}

/** Picks files with the library's "Import files" input and waits for the batch to finish. */
export async function importFiles(page: Page, paths: string[]): Promise<string | null> {
  await pickFiles(page, paths);
  return importFinished(page, 60_000);
}

/** Goes to the session's bridge URL (the library). */
export async function openLibrary(session: E2eSession): Promise<Page> {
  await session.page.goto(session.bridge.url);
  return session.page;
}

/** Opens the library and imports the session's fixture files; returns the import summary. */
export async function openAndImport(session: E2eSession, names: string[]): Promise<string | null> {
  const page = await openLibrary(session);
  return importFiles(page, names.map((name) => session.file(name)));
}

export async function backToLibrary(page: Page) {
  await page.getByRole('link', { name: '← Library' }).click();
}

/** Fills a form's fields by their exact labels, in order. */
export async function fillForm(form: Locator, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
}

/** Chooses an option of a select found by its exact label. */
export async function chooseOption(form: Locator, label: string, option: string) {
  await form.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Clicks the form's Save button and waits for the dialog to close. */
export async function saveForm(form: Locator) {
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/** Calls a bridge channel and returns its value, throwing on a failed Result. */
export async function callOk<C extends Channel>(bridge: RunningBridge, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Every annotation the core stored, as the renderer lists them. */
export function listAnnotations(bridge: RunningBridge): Promise<AnchoredAnnotation[]> {
  return callOk(bridge, 'annotations.list', {});
}

/** The exact text of an annotation's TextQuoteSelector, or null. */
export function quoteOf(annotation: AnchoredAnnotation): string | null {
  const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return quote && 'exact' in quote ? quote.exact : null;
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
