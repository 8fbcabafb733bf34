/**
 * Issue 4, item 1, in the reader (Chromium + `evidentia serve`): the outcome finder's suggestions
 * are drawn as dashed highlights and listed in the sidebar; one is accepted (the outcome form opens
 * pre-filled, is saved, and the record is in the sheet), another is rejected from the keyboard and
 * stays gone after a reload; the "Show suggestions" switch hides and shows them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, callOk, expectNoPageErrors, listAnnotations, openAndImport, quoteOf, saveForm, sidebar } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const ARTICLE = `Immunoglobulin eases skin disease in dermatomyositis

A report on a randomised, placebo-controlled trial.

Ninety-five adults with active dermatomyositis were randomly assigned to intravenous immunoglobulin (IVIg) or placebo for 16 weeks. At week 16 the mean change in the IVIg group was −9.36 (95% CI −12.52 to −6.19), versus −1.16 (−3.32, 0.99) with placebo (p < 0.0001).

By week 40, 79% of the IVIg patients had responded, compared with 44% in the placebo group. Serious adverse events occurred in 12/47 (26%) of patients given IVIg.
`;

const PDF_LINES = ['Results', 'At week 16 the mean change was -9.36 (95% CI -12.52 to -6.19) with IVIg.', 'By week 40, 79% of the IVIg patients had responded.'];

const suggestionMarks = (page: Page) => page.locator('.article-text mark.hl-suggestion');
const suggestionItems = (page: Page) => sidebar(page).locator('li[data-suggestion-key]');
/** The text of the first sheet row's cell under the column headed `label`. */
function sheetCell(page: Page, label: string): Promise<string | null> {
  return page.evaluate((label) => {
    const headers = [...document.querySelectorAll<HTMLElement>('.sheet-head [role=columnheader]')];
    const col = headers.find((h) => h.querySelector('.label')?.textContent === label)?.getAttribute('aria-colindex');
    return col ? (document.querySelector(`.sheet-body [aria-rowindex="2"] [aria-colindex="${col}"]`)?.textContent ?? null) : null;
  }, label);
}
const card = (page: Page) => page.getByRole('dialog', { name: 'Suggested outcome' });

describe.skipIf(!chromiumAvailable())('outcome suggestions in the reader (Chromium + bridge)', () => {
  const session = useE2eSession({
    files: {
      'ivig-news.txt': ARTICLE,
      'ivig-report.pdf': makePdf({ pages: [PDF_LINES], title: 'IVIg trial report', author: 'A. Tester' }),
    },
  });

  it('draws suggestions, accepts one into an outcome record, rejects another for good', async () => {
    const { page, bridge } = session;
    await openAndImport(session, ['ivig-news.txt']);
    await articleLink(page, /Immunoglobulin eases/).click();

    // Dashed highlights in the text, a switch with their count, and the same list in the sidebar.
    await suggestionMarks(page).first().waitFor();
    const marks = await suggestionMarks(page).count();
    expect(marks).toBeGreaterThan(0);
    const target = suggestionMarks(page).filter({ hasText: '9.36' }).first();
    await target.waitFor();
    const style = await target.evaluate((el) => getComputedStyle(el).borderBottomStyle);
    expect(style).toBe('dashed');
    const listed = await suggestionItems(page).count();
    expect(listed).toBeGreaterThan(0);
    await page.getByLabel(`Show suggestions (${listed})`).waitFor();
    await shot(page, 'suggestions-01-highlights');

    // The switch hides them and shows them again.
    await page.getByLabel(/^Show suggestions/).uncheck();
    await expect(suggestionMarks(page).count()).resolves.toBe(0);
    await page.getByLabel(/^Show suggestions/).check();
    await target.waitFor();

    // A click on the −9.36 highlight opens its card; Escape closes it.
    await target.click();
    await card(page).waitFor();
    await expect(card(page).textContent()).resolves.toMatch(/−9\.36/);
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    await target.click();
    await card(page).waitFor();
    await shot(page, 'suggestions-02-card');

    // Accept: the outcome form opens on the new record, pre-filled; save it.
    await card(page).getByRole('button', { name: 'Accept', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Edit outcome' });
    await form.waitFor();
    await expect(form.getByLabel('Value', { exact: true }).inputValue()).resolves.toMatch(/^[-−]9\.36$/);
    await expect(form.getByLabel('CI low', { exact: true }).inputValue()).resolves.toMatch(/^[-−]12\.52$/);
    await shot(page, 'suggestions-03-form');
    await saveForm(form);
    const outcomes = (await listAnnotations(bridge)).filter((a) => a.body.type === 'outcome');
    expect(outcomes).toHaveLength(1);
    expect(quoteOf(outcomes[0]!)).toContain('9.36');
    await sidebar(page).locator('li.type-outcome').filter({ hasText: '9.36' }).waitFor();
    // Its span is tagged now: no longer a suggestion, drawn as an outcome.
    await page.locator('.article-text mark.hl-outcome').filter({ hasText: '9.36' }).first().waitFor();
    await expect(suggestionMarks(page).filter({ hasText: '9.36' }).count()).resolves.toBe(0);

    // Reject another from the keyboard: its row in the sidebar, Enter, Tab to Reject, Enter.
    const placebo = suggestionItems(page).filter({ hasText: '1.16' });
    const row = (await placebo.count()) > 0 ? placebo.first() : suggestionItems(page).first();
    const key = (await row.getAttribute('data-suggestion-key'))!;
    const before = await suggestionItems(page).count();
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await card(page).waitFor();
    await expect(card(page).getByRole('button', { name: 'Accept', exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shot(page, 'suggestions-04-card-from-list');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card(page).waitFor({ state: 'detached' });
    const byKey = (page: Page) => page.locator(`[data-suggestion-keys~="${key}"], li[data-suggestion-key="${key}"]`);
    await byKey(page).first().waitFor({ state: 'detached' });
    await expect(suggestionItems(page).count()).resolves.toBe(before - 1);
    await shot(page, 'suggestions-05-after-reject');

    // Gone for good: after a reload the list is back, without it.
    await page.reload();
    await sidebar(page).getByRole('heading', { name: /^Suggested outcomes/ }).waitFor();
    if (before > 1) await suggestionItems(page).first().waitFor();
    await expect(suggestionItems(page).count()).resolves.toBe(before - 1);
    await expect(byKey(page).count()).resolves.toBe(0);

    // The accepted record is a row of the sheet, −9.36 in its Value column.
    await page.getByRole('link', { name: 'Sheet', exact: true }).click();
    await page.locator('.sheet-body [role=row]').first().waitFor();
    await expect(page.locator('.sheet-body [role=row]').count()).resolves.toBe(1);
    await expect(sheetCell(page, 'Value')).resolves.toMatch(/^[-−]9\.36$/);
    await expect(sheetCell(page, 'CI high')).resolves.toMatch(/^[-−]6\.19$/);
    await shot(page, 'suggestions-06-sheet');
    expectNoPageErrors(session.errors);
  });

  it('draws suggestions in a PDF text layer and opens their card', async () => {
    const { page, bridge } = session;
    await openAndImport(session, ['ivig-report.pdf']);
    const pdf = (await callOk(bridge, 'articles.list', {})).find((a) => a.kind === 'pdf')!;
    await page.goto(`${bridge.url}#/article/${pdf.id}`);
    const marks = page.locator('.textLayer mark.hl-suggestion');
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await suggestionItems(page).count()).toBeGreaterThan(0);
    const target = marks.filter({ hasText: '9.36' }).first();
    await target.click();
    await card(page).waitFor();
    await expect(card(page).textContent()).resolves.toMatch(/−9\.36/);
    await shot(page, 'suggestions-07-pdf-card');
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    expectNoPageErrors(session.errors);
  });
});
