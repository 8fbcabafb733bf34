/**
 * An encrypted PDF asks for its password in an accessible dialog (not window.prompt); a wrong
 * password asks again, the right one imports the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf';
import { startBridge, type RunningBridge } from './helpers/bridge';
import { chromiumAvailable, openBrowser, type BrowserSession } from './helpers/browser';
import { expectNoPageErrors } from './helpers/flow';
import { shot } from './helpers/screenshots';

describe.skipIf(!chromiumAvailable())('password-protected PDF import (Chromium + bridge)', () => {
  let bridge: RunningBridge;
  let session: BrowserSession;
  let filesDir: string;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'evidentia-e2e-files-'));
    const pdf = makePdf({ pages: [['Confidential trial protocol', 'Primary endpoint: response at week 16.']], title: 'Locked protocol', password: 'letmein' });
    writeFileSync(join(filesDir, 'locked.pdf'), pdf);
    bridge = await startBridge();
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.stop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('prompts, refuses a wrong password, imports with the right one', async () => {
    const { page } = session;
    await page.goto(bridge.url);
    await page.locator('input[type=file]').setInputFiles([join(filesDir, 'locked.pdf')]);

    const dialog = page.getByRole('dialog', { name: 'Password needed' });
    await dialog.waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill('wrong guess');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText(/did not open it/).waitFor();
    await shot(page, 'password-01-wrong-password');

    await dialog.getByLabel('Password', { exact: true }).fill('letmein');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Import finished:/).waitFor();
    await expect(page.getByText(/^Import finished:/).textContent()).resolves.toContain('1 imported');
    await expect(dialog.count()).resolves.toBe(0);
    await shot(page, 'password-02-imported');

    const list = await bridge.call('articles.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(1);
    expect(list.value[0]!.kind).toBe('pdf');
    expectNoPageErrors(session.errors);
  });
});
