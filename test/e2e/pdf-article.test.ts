/**
 * Issue 2, point 7, for PDFs: a PDF the test generates is imported through the UI, shown by the
 * pdf.js viewer, a sentence is selected with the mouse in the text layer and tagged; after a
 * reload the highlight is drawn in the text layer and the sidebar scrolls to it (on page 2).
 */
import { describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, expectNoPageErrors, fillForm, isInView, listAnnotations, openAndImport, quoteOf, saveForm, sidebar, waitInView } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const SENTENCE = 'At week 16, 79% of patients on IVIg responded, against 44% on placebo.';

const PAGES = [
  ['ProDERM: intravenous immunoglobulin in dermatomyositis', '', 'Methods', 'Ninety-five adults were randomised to IVIg or placebo.'],
  ['Results', 'Response was assessed with the total improvement score.', SENTENCE, 'The mean change in CDASI-A was -9.36 versus -1.16.'],
  ['Discussion', 'The effect was consistent across subgroups.'],
];

describe.skipIf(!chromiumAvailable())('PDF article: select in the text layer, tag, reload (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'proderm.pdf': makePdf({ pages: PAGES, title: 'ProDERM trial report', author: 'R. Aggarwal' }) } });

  it('tags an outcome on a mouse selection in the pdf.js text layer and shows it after a reload', async () => {
    const { page } = session;
    await expect(openAndImport(session, ['proderm.pdf'])).resolves.toContain('1 imported');
    await articleLink(page, /ProDERM/).click();

    // pdf.js draws text layers only for pages near the viewport: scroll until page 2's is there.
    const container = page.locator('.pdf-container');
    const line = page.locator('.textLayer span[role="presentation"]', { hasText: SENTENCE });
    await page.locator('.textLayer span[role="presentation"]').first().waitFor();
    for (let i = 0; i < 20 && (await line.count()) === 0; i++) {
      await container.evaluate((el) => el.scrollBy(0, 300));
      await page.waitForTimeout(100);
    }
    await line.waitFor();
    await shot(page, 'pdf-01-viewer');

    await selectWithMouse(page, line, SENTENCE);
    const toolbar = page.getByRole('toolbar');
    await toolbar.getByRole('button', { name: 'Tag outcome', exact: true }).waitFor();
    await shot(page, 'pdf-02-selection-toolbar');

    // The keyboard shortcut opens the same form.
    await page.keyboard.press('o');
    const form = page.getByRole('dialog', { name: 'Tag outcome' });
    await expect(form.locator('blockquote').textContent()).resolves.toBe(SENTENCE);
    await fillForm(form, { Outcome: 'Response (TIS)', Value: '79%', 'Time point': 'week 16' });
    await saveForm(form);

    const stored = await listAnnotations(session.bridge);
    expect(stored).toHaveLength(1);
    const annotation = stored[0]!;
    expect(quoteOf(annotation)).toBe(SENTENCE);
    expect(annotation.anchor).toMatchObject({ status: 'exact', page: 2 });
    expect(annotation.body).toMatchObject({ type: 'outcome', fields: { value: '79%', timepoint: 'week 16' } });

    await page.reload();
    const entry = sidebar(page).getByRole('button', { name: /Response \(TIS\)/ });
    await entry.waitFor();
    await page.locator('.textLayer span[role="presentation"]').first().waitFor();
    const selector = `.textLayer mark[data-annotation-id="${annotation.id}"]`;
    await expect(isInView(page, selector)).resolves.toBe(false); // the viewer opens on page 1
    await entry.click();
    await waitInView(page, selector);
    await expect(page.locator(selector).allTextContents().then((t) => t.join(''))).resolves.toBe(SENTENCE);
    await shot(page, 'pdf-03-after-reload-sidebar-click');

    expectNoPageErrors(session.errors);
  });
});
