/**
 * Undo and History in real Chromium: an outcome is tagged, edited and deleted; Ctrl+Z brings it
 * back with its id and edited values; its History lists every change newest first with the value
 * the edit replaced; and Ctrl+Shift+Z typed in a text field is the field's own, not the app's.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, backToLibrary, callOk, expectNoPageErrors, fillForm, listAnnotations, openAndImport, saveForm, sidebar } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const SENTENCE = 'Responders reached 79% on IVIg and 44% on placebo.';
const TEXT = `ProDERM responder analysis\n\nAt week 16, ${SENTENCE} The trial enrolled 95 patients.\n`;

describe.skipIf(!chromiumAvailable())('undo and history (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'proderm.txt': TEXT } });

  it('undoes a delete with Ctrl+Z and shows the annotation History with field diffs', async () => {
    const { page, bridge } = session;
    await openAndImport(session, ['proderm.txt']);
    await articleLink(page, /ProDERM responder/).click();

    await selectWithMouse(page, page.locator('.article-text'), SENTENCE);
    await page.getByRole('button', { name: 'Tag outcome', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Tag outcome' });
    await fillForm(form, { Outcome: 'Responders', Arm: 'IVIg', Value: '79', Unit: '%' });
    await saveForm(form);
    const [created] = await listAnnotations(bridge);

    // The outcome record's entry (the finder's suggestions for the same sentence are listed too once it is gone).
    const item = () => sidebar(page).locator('li.type-outcome').filter({ hasText: 'Responders' });
    await item().getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit outcome' });
    await fillForm(edit, { Value: '78' });
    await saveForm(edit);
    await item().getByText(/78 %/).waitFor();

    await item().getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete annotation?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await item().waitFor({ state: 'detached' });
    const toast = page.getByRole('status').filter({ hasText: 'Deleted outcome' });
    await toast.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    expect(await listAnnotations(bridge)).toEqual([]);
    await shot(page, 'history-01-deleted-toast');

    await page.keyboard.press('Control+z');
    await item().waitFor();
    const [restored] = await listAnnotations(bridge);
    expect(restored?.id).toBe(created!.id);
    expect(restored?.body).toMatchObject({ type: 'outcome', fields: { outcome: 'Responders', value: '78' } });
    await page.getByRole('status').filter({ hasText: 'Undone: Deleted outcome' }).waitFor();
    await shot(page, 'history-02-restored');

    await item().getByRole('button', { name: 'History', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'History of this outcome' });
    const entries = dialog.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.locator('.history-head strong').allTextContents()).toEqual(['Restored (undo)', 'Deleted', 'Edited', 'Created']);
    const editRow = entries.nth(2).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Value', exact: true }) });
    expect(await editRow.getByRole('cell').allTextContents()).toEqual(['79', '78']);
    await shot(page, 'history-03-dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // Redo is one key press away, but not while typing: the search field keeps its own undo keys.
    await backToLibrary(page);
    const search = page.getByLabel('Search full text');
    await search.fill('IVIg');
    await search.press('Control+Shift+z');
    await search.press('Control+z');
    expect((await listAnnotations(bridge)).map((a) => a.id)).toEqual([created!.id]);
    const history = await callOk(bridge, 'audit.list', { annotationId: created!.id });
    expect(history.map((e) => `${e.action}/${e.cause}`)).toEqual(['restore/undo', 'delete/edit', 'update/edit', 'create/edit']);
    expectNoPageErrors(session.errors);
  });

  it('undoes and redoes a sheet cell edit with the keyboard', async () => {
    const { page, bridge } = session;
    // Continues the review of the first test: one outcome record, arm IVIg.
    await page.getByRole('link', { name: 'Sheet', exact: true }).click();
    const rowOne = page.locator('.sheet-body [aria-rowindex="2"]');
    await rowOne.getByText('IVIg', { exact: true }).waitFor();
    const arm = await page.evaluate(() => [...document.querySelectorAll('.sheet-head [role=columnheader]')].findIndex((h) => h.textContent === 'Arm') + 1);
    await rowOne.locator(`[aria-colindex="${arm}"]`).click();
    await page.keyboard.press('Enter');
    await page.getByLabel('Edit Arm').fill('placebo');
    await page.keyboard.press('Enter');
    await rowOne.getByText('placebo', { exact: true }).waitFor();

    await page.keyboard.press('Control+z');
    await rowOne.getByText('IVIg', { exact: true }).waitFor();
    const armOf = async () => {
      const [record] = await listAnnotations(bridge);
      return record?.body.type === 'outcome' ? record.body.fields.arm : null;
    };
    expect(await armOf()).toBe('IVIg');
    await shot(page, 'history-04-sheet-undone');

    await page.keyboard.press('Control+Shift+z');
    await rowOne.getByText('placebo', { exact: true }).waitFor();
    expect(await armOf()).toBe('placebo');
    const [record] = await listAnnotations(bridge);
    const history = await callOk(bridge, 'audit.list', { annotationId: record!.id });
    expect(history.slice(0, 3).map((e) => `${e.action}/${e.cause}`)).toEqual(['update/redo', 'update/undo', 'update/edit']);
    expectNoPageErrors(session.errors);
  });
});
