/**
 * Drag-and-drop import: files dropped on the window go through the same one-at-a-time import, with
 * the results list. (Playwright cannot drag from the OS, so the test dispatches the browser's own
 * dragover/drop events carrying a real DataTransfer with File objects.)
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, expectNoPageErrors, importFinished, openLibrary } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

describe.skipIf(!chromiumAvailable())('drag-and-drop import (Chromium + bridge)', () => {
  const session = useE2eSession();

  it('imports dropped files and reports an unsupported one as failed', async () => {
    const page = await openLibrary(session);
    await page.getByRole('heading', { name: 'No articles yet' }).waitFor();
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Dropped article\n\nIt reports 79% responders at week 16.\n'], 'dropped.txt', { type: 'text/plain' }));
      dt.items.add(new File(['not an article'], 'picture.png', { type: 'image/png' }));
      return dt;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await expect(importFinished(page)).resolves.toBe('Import finished: 1 imported, 0 already present, 1 failed.');
    const results = page.getByRole('list', { name: 'Import results' });
    await expect(results.getByRole('listitem').filter({ hasText: 'picture.png' }).textContent()).resolves.toMatch(/^Failed/);
    await articleLink(page, /Dropped article/).waitFor();
    await shot(page, 'drop-01-imported');
    expectNoPageErrors(session.errors);
  });

  it("imports a citation file as records, and a file dropped on a record's row becomes its full text", async () => {
    const page = await openLibrary(session);
    const ris = 'TY  - JOUR\nTI  - Immune globulin for dermatomyositis: a record\nAU  - Werth, Victoria P.\nPY  - 2022\nAB  - An abstract only.\nER  -\n';
    const citations = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'search.ris', { type: 'application/x-research-info-systems' }));
      return dt;
    }, ris);
    await page.dispatchEvent('body', 'dragover', { dataTransfer: citations });
    await page.dispatchEvent('body', 'drop', { dataTransfer: citations });
    await expect(importFinished(page)).resolves.toContain('1 imported');
    const row = page.getByRole('row').filter({ hasText: 'Immune globulin for dermatomyositis: a record' });
    await expect(row.textContent()).resolves.toContain('Record (abstract)');

    const fullText = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['The full report\n\nAt week 16, 79% responded.\n'], 'full-report.txt', { type: 'text/plain' }));
      return dt;
    });
    await row.dispatchEvent('dragover', { dataTransfer: fullText });
    await row.getByText('Drop to attach to this article').waitFor();
    await row.dispatchEvent('drop', { dataTransfer: fullText });
    await expect(importFinished(page)).resolves.toContain('1 attached');
    await expect(row.textContent()).resolves.toContain('Text');
    const list = await session.bridge.call('articles.list', {});
    expect(list.ok && list.value.filter((a) => a.title.startsWith('Immune globulin')).map((a) => a.kind)).toEqual(['text']);
    await shot(page, 'drop-02-attached-to-record');
    expectNoPageErrors(session.errors);
  });
});
