/**
 * Issue 2, point 7, for text articles, in real Chromium against `evidentia serve`: import two
 * articles through the file input, open one, select a sentence with the mouse, tag an outcome with
 * a value, reload, and find the highlight and the sidebar entry; the sidebar scrolls to it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from './helpers/bridge';
import { chromiumAvailable, openBrowser, type BrowserSession } from './helpers/browser';
import { articleLink, expectNoPageErrors, importFiles, isInView, OUTCOME_LABELS, sidebar, waitInView } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';

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
  let bridge: RunningBridge;
  let session: BrowserSession;
  let filesDir: string;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'evidentia-e2e-files-'));
    writeFileSync(join(filesDir, 'proderm-news.txt'), ARTICLE_A);
    writeFileSync(join(filesDir, 'second-look.md'), ARTICLE_B);
    bridge = await startBridge();
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.stop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('imports two articles, tags an outcome on a mouse selection, and keeps it across a reload', async () => {
    const { page } = session;
    await page.goto(bridge.url);
    await page.getByRole('heading', { name: 'No articles yet' }).waitFor();
    await shot(page, 'text-01-empty-library');

    await importFiles(page, [join(filesDir, 'proderm-news.txt'), join(filesDir, 'second-look.md')]);
    await expect(page.getByText(/^Import finished:/).textContent()).resolves.toContain('2 imported');
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
    for (const label of OUTCOME_LABELS) await expect(form.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await expect(form.locator('blockquote').textContent()).resolves.toBe(SENTENCE);
    await form.getByLabel('Outcome', { exact: true }).fill('Responders at week 16');
    await form.getByLabel('Value', { exact: true }).fill('79');
    await form.getByLabel('Unit', { exact: true }).fill('%');
    await shot(page, 'text-04-outcome-form');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    // What the core stored: exactly the sentence, at its offsets, with the value typed.
    const stored = await bridge.call('annotations.list', {});
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value).toHaveLength(1);
    const annotation = stored.value[0]!;
    const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
    expect(quote && 'exact' in quote ? quote.exact : null).toBe(SENTENCE);
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
