/**
 * Issue 2, point 7, for text articles, in real Chromium against `evidentia serve`: import two
 * articles through the file input, open one, select a sentence with the mouse, tag an outcome with
 * a value, reload, and find the highlight and the sidebar entry; the sidebar scrolls to it.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import {
  articleLink,
  expectNoPageErrors,
  fillForm,
  importFiles,
  isInView,
  listAnnotations,
  openLibrary,
  OUTCOME_LABELS,
  quoteOf,
  saveForm,
  sidebar,
  waitInView,
} from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const SENTENCE = 'At week 16, 79% of patients on IVIg responded, against 44% on placebo.';

// Enough text after the sentence that, scrolled to the end, the highlight is off screen.
const FILLER = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i + 1} of the discussion weighs the trial against earlier, smaller studies of the same treatment.`,
).join('\n\n');

const ARTICLE_A = `IVIg for dermatomyositis: what the ProDERM trial found

A news report on a randomised trial.

The ProDERM trial randomised 95 adults with active dermatomyositis to IVIg or placebo. ${SENTENCE} The mean change in CDASI-A was −9.36 with IVIg and −1.16 with placebo.

${FILLER}
`;

const ARTICLE_B = `# A second look at immunoglobulin

This Markdown article cites the *NEJM* 2022 primary report of the same trial.
`;

describe.skipIf(!chromiumAvailable())('text article: select, tag, reload (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'proderm-news.txt': ARTICLE_A, 'second-look.md': ARTICLE_B } });

  it('imports two articles, tags an outcome on a mouse selection, and keeps it across a reload', async () => {
    const page = await openLibrary(session);
    await page.getByRole('heading', { name: 'No articles yet' }).waitFor();
    await shot(page, 'text-01-empty-library');

    await expect(importFiles(page, [session.file('proderm-news.txt'), session.file('second-look.md')])).resolves.toContain('2 imported');
    await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(3); // header + 2
    await shot(page, 'text-02-library-after-import');

    await articleLink(page, /ProDERM/).click();
    const text = page.locator('.article-text');
    await text.waitFor();
    await selectWithMouse(page, text, SENTENCE);
    const toolbar = page.getByRole('toolbar');
    for (const name of ['Tag outcome', 'Tag discrepancy', 'Add note']) {
      await toolbar.getByRole('button', { name, exact: true }).waitFor();
    }
    await shot(page, 'text-03-selection-toolbar');

    await toolbar.getByRole('button', { name: 'Tag outcome', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Tag outcome' });
    await form.getByLabel('Outcome', { exact: true }).waitFor(); // the fields come from the review's template
    for (const label of OUTCOME_LABELS) await expect(form.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await expect(form.locator('blockquote').textContent()).resolves.toBe(SENTENCE);
    await fillForm(form, { Outcome: 'Responders at week 16', Value: '79', Unit: '%' });
    await shot(page, 'text-04-outcome-form');
    await saveForm(form);

    // What the core stored: exactly the sentence, at its offsets, with the value typed.
    const stored = await listAnnotations(session.bridge);
    expect(stored).toHaveLength(1);
    const annotation = stored[0]!;
    expect(quoteOf(annotation)).toBe(SENTENCE);
    expect(annotation.body).toMatchObject({ type: 'outcome', fields: { value: '79', unit: '%', outcome: 'Responders at week 16' } });
    expect(annotation.anchor).toMatchObject({ status: 'exact' });

    await page.reload();
    const mark = page.locator(`mark[data-annotation-id="${annotation.id}"]`);
    await mark.waitFor();
    await expect(mark.textContent()).resolves.toBe(SENTENCE);
    const entry = sidebar(page).getByRole('button', { name: /Responders at week 16/ });
    await expect(entry.textContent()).resolves.toContain('79 %');

    // Scroll away, then let the sidebar bring the highlight back.
    await page.locator('.text-view').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(isInView(page, `mark[data-annotation-id="${annotation.id}"]`)).resolves.toBe(false);
    await entry.click();
    await waitInView(page, `mark[data-annotation-id="${annotation.id}"]`);
    await expect(mark.getAttribute('class')).resolves.toContain('flash');
    await shot(page, 'text-05-after-reload-sidebar-click');

    expectNoPageErrors(session.errors);
  });
});
