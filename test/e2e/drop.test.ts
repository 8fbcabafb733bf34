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
});
