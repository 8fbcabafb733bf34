/**
 * The discrepancy board in Chromium: two news pieces about one trial are imported through the UI;
 * "Run checks" suggests that they name different journals, and that the first names a journal its
 * own reference does not. "Compare" opens both quotes side by side, each pane scrolled to its
 * highlighted quote. A person confirms one suggestion, dismisses another with a reason (shown again
 * under the "Dismissed" filter), sees and edits a hand-tagged discrepancy on the same board, and confirms and
 * splits the study group the checks proposed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DiscrepancyItem } from '../../shared/model/index';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, openAndImport } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

/** Sentences without numbers, so the pieces are long enough to scroll and give the finders nothing. */
const FILLER = [
  'Neurologists who were not involved in the work called the findings encouraging but asked for longer follow-up.',
  'People with chronic migraine often try several preventive treatments before one helps, and many stop because of side effects.',
  'The drug is given as a monthly injection under the skin, and most participants said they found it easy to use.',
  'Patient groups welcomed the news and said that access and cost will decide how much difference the drug makes.',
].join(' ');
const filler = (n: number) => Array.from({ length: n }, () => FILLER).join('\n\n');

const TITLE_A = 'Migraine drug halves attacks';
const TITLE_B = 'ACME-7 trial: the pill works';

const TEXT_A = `${TITLE_A}

A new preventive drug cut the number of monthly migraine days by half in the ACME-7 trial, according to results published in The Lancet by Jane Roe and colleagues. The trial enrolled adults with chronic migraine at clinics in several countries.

${filler(6)}

Reference: Roe J, Poe K. Long-term outcomes of the ACME-7 trial of acmezumab in chronic migraine. EClinicalMedicine. 2023;64:102234.
`;

const TEXT_B = `${TITLE_B}

${filler(5)}

The results of the ACME-7 trial in the New England Journal of Medicine show that acmezumab reduced migraine days compared with placebo, wrote Alice Doe and her co-authors.

${filler(2)}

Reference: Doe A, Roe J. Acmezumab for the prevention of chronic migraine. N Engl J Med. 2022;387:1264-78.
`;

const JOURNAL_A = /Lancet|EClinicalMedicine/;
const JOURNAL_B = /New England Journal of Medicine|N Engl J Med/;

/** True when the pane's current mark lies inside the pane's visible box. */
function markInView(page: Page, paneName: string): Promise<boolean> {
  return page.evaluate((name) => {
    const pane = [...document.querySelectorAll('.compare-scroll')].find((el) => el.getAttribute('aria-label') === name);
    const mark = pane?.querySelector('mark.current');
    if (!pane || !mark) return false;
    const box = pane.getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom && r.bottom <= innerHeight;
  }, paneName);
}

/** The quote a pane is about (its "current" mark), as one string. */
async function currentQuote(page: Page, paneName: string): Promise<string> {
  const marks = page.getByRole('region', { name: paneName, exact: true }).locator('mark.current');
  await marks.first().waitFor();
  return (await marks.allTextContents()).join('');
}

describe.skipIf(!chromiumAvailable())('discrepancy board and side-by-side reader (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'acme-lancet.txt': TEXT_A, 'acme-nejm.txt': TEXT_B } });

  it('runs the checks, compares side by side, confirms, dismisses with a reason, and handles the study group', async () => {
    const summary = await openAndImport(session, ['acme-lancet.txt', 'acme-nejm.txt']);
    expect(summary).toMatch(/2 imported/);
    const page = session.page;
    const bridge = session.bridge;
    const articles = await callOk(bridge, 'articles.list', {});
    const idA = articles.find((a) => a.title === TITLE_A)!.id;
    const idB = articles.find((a) => a.title === TITLE_B)!.id;

    await page.getByRole('link', { name: 'Discrepancies', exact: true }).click();
    await page.getByRole('heading', { name: 'Discrepancies', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No discrepancies yet' }).waitFor();

    await page.getByRole('button', { name: 'Run checks' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Checked 2 articles:/ });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/[1-9]\d* suggested discrepanc(y|ies) added.*[1-9]\d* study groups?\.$/);

    const items = await callOk(bridge, 'discrepancies.list', {});
    const journal = items.find((i) => i.kind === 'journal' && new Set(i.quotes.map((q) => q.articleId)).size === 2);
    const withinA = items.find((i) => i.kind === 'journal-vs-reference' && i.quotes.every((q) => q.articleId === idA));
    expect(journal, JSON.stringify(items.map((i) => [i.kind, i.quotes.map((q) => q.exact)]))).toBeDefined();
    expect(withinA).toBeDefined();

    // Both on the board: each a card with its quotes under their articles' labels.
    const card = (item: DiscrepancyItem) => page.locator(`article.discrepancy-card:has(a[href="#/compare/${item.id}"])`);
    const journalCard = card(journal!);
    const withinCard = card(withinA!);
    await journalCard.waitFor();
    await withinCard.waitFor();
    await journalCard.getByText('Journal', { exact: true }).waitFor();
    await journalCard.getByText('Suggested', { exact: true }).waitFor();
    await withinCard.getByText('Journal named ≠ reference', { exact: true }).waitFor();
    const captions = await journalCard.locator('figcaption').allTextContents();
    expect(captions.length).toBe(journal!.quotes.length);
    expect(new Set(journal!.quotes.map((q) => q.articleLabel)).size).toBe(2);
    for (const q of journal!.quotes) await journalCard.locator('blockquote').filter({ hasText: q.exact }).first().waitFor();
    // The two quotes sit side by side: same row, left then right.
    const [left, right] = await journalCard.locator('figure').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(Math.abs(left!.top - right!.top)).toBeLessThan(2);
    expect(left!.right).toBeLessThanOrEqual(right!.left);
    await shot(page, 'discrepancies-01-board');

    // Compare: two panes, each scrolled to its highlighted quote.
    await journalCard.getByRole('link', { name: 'Compare side by side' }).click();
    await page.waitForURL(new RegExp(`#/compare/${journal!.id}$`));
    const [qLeft, qRight] = [journal!.quotes[0]!, journal!.quotes.find((q) => q.articleId !== journal!.quotes[0]!.articleId)!];
    const leftName = `Left: ${qLeft.articleLabel}`;
    const rightName = `Right: ${qRight.articleLabel}`;
    expect(await currentQuote(page, leftName)).toBe(qLeft.exact);
    expect(await currentQuote(page, rightName)).toBe(qRight.exact);
    const byArticle = new Map([
      [idA, JOURNAL_A],
      [idB, JOURNAL_B],
    ]);
    expect(qLeft.exact).toMatch(byArticle.get(qLeft.articleId)!);
    expect(qRight.exact).toMatch(byArticle.get(qRight.articleId)!);
    await expect.poll(() => markInView(page, leftName)).toBe(true);
    await expect.poll(() => markInView(page, rightName)).toBe(true);
    if (journal!.note) await page.getByText(journal!.note, { exact: true }).waitFor();
    await shot(page, 'discrepancies-02-compare');

    // Confirm it from the reader.
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.locator('.compare-head .badge.status').filter({ hasText: 'Confirmed' }).waitFor();
    await expect.poll(async () => (await callOk(bridge, 'discrepancies.list', {})).find((i) => i.id === journal!.id)?.status).toBe('confirmed');

    // The within-article one: the same article in both panes, each at its own quote.
    await page.getByRole('link', { name: '← Discrepancies' }).click();
    await withinCard.getByRole('link', { name: 'Compare side by side' }).click();
    await page.waitForURL(new RegExp(`#/compare/${withinA!.id}$`));
    const [w0, w1] = withinA!.quotes;
    expect(await currentQuote(page, `Left: ${w0!.articleLabel}`)).toBe(w0!.exact);
    expect(await currentQuote(page, `Right: ${w1!.articleLabel}`)).toBe(w1!.exact);
    await expect.poll(() => markInView(page, `Left: ${w0!.articleLabel}`)).toBe(true);
    await expect.poll(() => markInView(page, `Right: ${w1!.articleLabel}`)).toBe(true);
    await shot(page, 'discrepancies-03-compare-within');
    await page.getByRole('link', { name: '← Discrepancies' }).click();

    // Dismiss the within-article one with a reason: it leaves the board, and comes back under "Dismissed".
    await withinCard.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss “Journal named ≠ reference”' });
    await dialog.waitFor();
    await expect(dialog.getByRole('button', { name: 'Dismiss', exact: true }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Reason').fill('The piece cites the follow-up paper on purpose.');
    await shot(page, 'discrepancies-04-dismiss-dialog');
    await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await withinCard.waitFor({ state: 'detached' });
    const stored = (await callOk(bridge, 'discrepancies.list', {})).find((i) => i.id === withinA!.id);
    expect(stored).toMatchObject({ status: 'dismissed', reason: 'The piece cites the follow-up paper on purpose.' });
    await page.getByRole('checkbox', { name: 'Dismissed' }).check();
    await withinCard.waitFor();
    await withinCard.getByText('The piece cites the follow-up paper on purpose.').waitFor();
    await withinCard.getByRole('button', { name: 'Reopen' }).waitFor();
    await withinCard.scrollIntoViewIfNeeded();
    await shot(page, 'discrepancies-05-dismissed-filter');
    await journalCard.getByText('Confirmed', { exact: true }).waitFor();

    // A discrepancy tagged by hand in the reader is on the same board.
    const { text: textB } = await callOk(bridge, 'articles.get', { id: idB });
    const handQuote = 'wrote Alice Doe and her co-authors';
    const start = textB.indexOf(handQuote);
    await callOk(bridge, 'annotations.create', {
      articleId: idB,
      start,
      end: start + handQuote.length,
      exact: handQuote,
      body: { type: 'discrepancy', kind: 'author', note: 'The other piece credits Jane Roe.', links: [] },
    });
    await page.reload();
    const handCard = page.locator('article.discrepancy-card').filter({ hasText: 'The other piece credits Jane Roe.' });
    await handCard.waitFor();
    await handCard.getByText(/^tagged by /).waitFor();
    await handCard.getByText('Confirmed', { exact: true }).waitFor();
    // Edit it: kind, explanation and severity.
    await handCard.getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit discrepancy' });
    await edit.getByLabel('Kind').fill('lead-author');
    await edit.getByLabel('Explanation').fill('The other piece credits Jane Roe as lead author.');
    await edit.getByLabel('Severity').selectOption('high');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const edited = page.locator('article.discrepancy-card').filter({ hasText: 'The other piece credits Jane Roe as lead author.' });
    await edited.getByText('High severity', { exact: true }).waitFor();
    await edited.getByText('Lead author', { exact: true }).waitFor();

    // Group by study: the journal discrepancy sits under its study's section.
    await page.getByLabel('Group by').selectOption('study');
    if (journal!.studyLabel) await page.getByRole('region', { name: journal!.studyLabel, exact: true }).locator(`a[href="#/compare/${journal!.id}"]`).waitFor();
    await shot(page, 'discrepancies-06-by-study');

    // The study group the checks proposed: confirm it, then split one article off.
    const groups = await callOk(bridge, 'studies.list', {});
    const group = groups.find((g) => g.articleIds.includes(idA) && g.articleIds.includes(idB));
    expect(group).toMatchObject({ status: 'suggested' });
    const studies = page.getByRole('region', { name: 'Study groups' });
    const groupCard = studies.getByRole('listitem', { name: `Study group: ${group!.label || 'Unnamed study'}` });
    await groupCard.getByText('Suggested', { exact: true }).waitFor();
    for (const e of group!.evidence) await groupCard.getByText(e, { exact: false }).first().waitFor();
    await groupCard.scrollIntoViewIfNeeded();
    await shot(page, 'discrepancies-07-study-group');
    await groupCard.getByRole('button', { name: 'Confirm group' }).click();
    await groupCard.getByText('Confirmed', { exact: true }).waitFor();
    expect((await callOk(bridge, 'studies.list', {})).find((g) => g.id === group!.id)?.status).toBe('confirmed');
    await groupCard.getByRole('button', { name: `Split “${TITLE_B}” off this group` }).click();
    await groupCard.waitFor({ state: 'detached' });
    expect((await callOk(bridge, 'studies.list', {})).find((g) => g.id === group!.id)).toBeUndefined();
    await shot(page, 'discrepancies-08-split');
    expectNoPageErrors(session.errors);
  });
});
