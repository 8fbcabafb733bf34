/**
 * The rest of the annotation life cycle through the UI: a discrepancy linked to an outcome in
 * another article, a note added with the "Add note" button, edited and deleted (with a confirm
 * dialog), a CSV export downloaded, and the same review opened read-only by a second process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBridge } from './helpers/bridge';
import { chromiumAvailable, openBrowser } from './helpers/browser';
import { articleLink, backToLibrary, expectNoPageErrors, fillForm, listAnnotations, openAndImport, saveForm, sidebar } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const OUTCOME_SENTENCE = 'The study appeared in The Lancet in 2023.';
const CONFLICT_SENTENCE = 'The primary report appeared in the NEJM in 2022.';
const NOTE_PHRASE = 'a different lead author';

const NEWS = `Immunoglobulin helps dermatomyositis\n\n${OUTCOME_SENTENCE} Responders reached 79% on IVIg.\n`;
const SECOND = `Another account of ProDERM\n\n${CONFLICT_SENTENCE} It names ${NOTE_PHRASE}.\n`;

describe.skipIf(!chromiumAvailable())('discrepancies, notes, edit, delete, export, read-only (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'news.txt': NEWS, 'second.txt': SECOND } });

  it('links a discrepancy across articles, edits and deletes a note, exports CSV', async () => {
    const { page, bridge } = session;
    await openAndImport(session, ['news.txt', 'second.txt']);

    // An outcome in the first article, to link to.
    await articleLink(page, /Immunoglobulin helps/).click();
    await selectWithMouse(page, page.locator('.article-text'), OUTCOME_SENTENCE);
    await page.getByRole('button', { name: 'Tag outcome', exact: true }).click();
    const outcomeForm = page.getByRole('dialog', { name: 'Tag outcome' });
    await fillForm(outcomeForm, { Outcome: 'Journal of publication', Value: 'The Lancet' });
    await saveForm(outcomeForm);
    const [outcome] = await listAnnotations(bridge);

    // A discrepancy in the second article (keyboard shortcut D), linked to that outcome.
    await backToLibrary(page);
    await articleLink(page, /Another account/).click();
    await selectWithMouse(page, page.locator('.article-text'), CONFLICT_SENTENCE);
    await page.getByRole('button', { name: 'Tag discrepancy', exact: true }).waitFor();
    // The form lists one article's annotations at a time, never the whole review's.
    const wholeReviewListings: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/annotations.list') && !(request.postData() ?? '').includes('articleId')) wholeReviewListings.push(request.postData() ?? '');
    });
    await page.keyboard.press('d');
    const discrepancyForm = page.getByRole('dialog', { name: 'Tag discrepancy' });
    await fillForm(discrepancyForm, { Kind: 'journal', Note: 'Lancet vs NEJM' });
    // The quote is picked article first: find the article by its title, then choose among its annotations.
    await discrepancyForm.getByLabel('Find article').fill('immunoglobulin helps');
    const articles = discrepancyForm.getByLabel('Article', { exact: true });
    await expect.poll(() => articles.locator('option').count()).toBe(1);
    await articles.selectOption(outcome!.articleId);
    const links = discrepancyForm.getByLabel('Disagrees with');
    await links.locator(`option[value="${outcome!.id}"]`).waitFor({ state: 'attached' });
    await links.selectOption([outcome!.id]);
    await discrepancyForm.getByRole('list', { name: 'Linked quotes' }).getByText('The study appeared in The Lancet').waitFor();
    await shot(page, 'annotations-01-discrepancy-form');
    await saveForm(discrepancyForm);
    const discrepancy = (await listAnnotations(bridge)).find((a) => a.body.type === 'discrepancy');
    expect(discrepancy?.body).toMatchObject({ kind: 'journal', note: 'Lancet vs NEJM', links: [outcome!.id] });
    expect(wholeReviewListings).toEqual([]);

    // A note via the toolbar button, then edited, then deleted after confirming.
    await selectWithMouse(page, page.locator('.article-text'), NOTE_PHRASE);
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    const noteForm = page.getByRole('dialog', { name: 'Add note' });
    await fillForm(noteForm, { Text: 'Check the author list' });
    await saveForm(noteForm);

    const noteItem = sidebar(page).getByRole('listitem').filter({ hasText: 'Check the author list' });
    await noteItem.getByRole('button', { name: 'Edit', exact: true }).click();
    const editForm = page.getByRole('dialog', { name: 'Edit note' });
    await fillForm(editForm, { Text: 'Check the author list against NEJM' });
    await saveForm(editForm);
    await sidebar(page).getByText('Check the author list against NEJM').waitFor();
    await shot(page, 'annotations-02-sidebar');

    await sidebar(page).getByRole('listitem').filter({ hasText: 'against NEJM' }).getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete annotation?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await sidebar(page).getByText('against NEJM').waitFor({ state: 'detached' });
    expect((await listAnnotations(bridge)).map((a) => a.body.type).sort()).toEqual(['discrepancy', 'outcome']);

    // Export: the browser receives a JSON file holding the discrepancy's quote.
    await backToLibrary(page);
    await page.getByLabel('Export format').selectOption('json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    const json = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expect(json).toContain('The Lancet');
    expectNoPageErrors(session.errors);
  });

  it('shows a read-only banner and disables writing when another process holds the review', async () => {
    const second = await startBridge({ reviewDir: session.bridge.reviewDir });
    const other = await openBrowser();
    try {
      const { page } = other;
      await page.goto(second.url);
      await page.getByRole('status').filter({ hasText: 'read-only' }).waitFor();
      await expect(page.getByRole('button', { name: 'Import files' }).isDisabled()).resolves.toBe(true);
      await articleLink(page, /Immunoglobulin helps/).click();
      await sidebar(page).getByRole('button', { name: /Journal of publication/ }).waitFor();
      await expect(sidebar(page).getByRole('button', { name: 'Edit', exact: true }).isDisabled()).resolves.toBe(true);
      await shot(page, 'annotations-03-read-only');
      expectNoPageErrors(other.errors);
    } finally {
      await other.close();
      await second.stop();
    }
  });
});
