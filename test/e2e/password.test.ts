/**
 * An encrypted PDF asks for its password in an accessible dialog (not window.prompt); a wrong
 * password asks again, the right one imports the file.
 */
import { describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, importFinished, openLibrary, pickFiles } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const LOCKED = makePdf({ pages: [['Confidential trial protocol', 'Primary endpoint: response at week 16.']], title: 'Locked protocol', password: 'letmein' });

describe.skipIf(!chromiumAvailable())('password-protected PDF import (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'locked.pdf': LOCKED } });

  it('prompts, refuses a wrong password, imports with the right one', async () => {
    const page = await openLibrary(session);
    await pickFiles(page, [session.file('locked.pdf')]);

    const dialog = page.getByRole('dialog', { name: 'Password needed' });
    await dialog.waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill('wrong guess');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText(/did not open it/).waitFor();
    await shot(page, 'password-01-wrong-password');

    await dialog.getByLabel('Password', { exact: true }).fill('letmein');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importFinished(page)).resolves.toContain('1 imported');
    await expect(dialog.count()).resolves.toBe(0);
    await shot(page, 'password-02-imported');

    const articles = await callOk(session.bridge, 'articles.list', {});
    expect(articles).toHaveLength(1);
    expect(articles[0]!.kind).toBe('pdf');
    expectNoPageErrors(session.errors);
  });
});
