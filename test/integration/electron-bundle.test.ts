// The built Electron main bundle (dist/main/index.js, what `npm start` runs) wired to the real core,
// with only the `electron` module faked (no Electron binary exists on CI machines): first launch
// creates the default review, the window loads the built UI over app:// with the preload that
// exists on disk, IPC reaches the real core, app://files serves an imported file, quit releases
// the review's lock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel, type Output } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { FakeBrowserWindow, type FakeElectron } from '../unit/helpers/fake-electron.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const mainBundle = path.join(repoRoot, 'dist/main/index.js');

vi.mock('electron', async () => (await import('../unit/helpers/fake-electron.js')).createFakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;

let appData: string;
let appHandler: (request: Request) => Promise<Response>;
const window = () => FakeBrowserWindow.instances[0]!;

/** Invokes a channel the way the preload does, from our window's main frame. */
async function invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<Output<C>>> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  const event = { sender: { id: window().webContents.id }, senderFrame: { parent: null, url: 'app://app/index.html' } };
  return (await handler(event, input)) as Result<Output<C>>;
}

beforeAll(async () => {
  expect(fs.existsSync(mainBundle), 'run `npm run build` (or node build/bundle.mjs) first').toBe(true);
  appData = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-bundle-'));
  electron.app.paths = { appData, userData: path.join(appData, 'whatever') };
  electron.app.getAppPath.mockReturnValue(repoRoot);
  await import(/* @vite-ignore */ mainBundle);
  electron.app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
  await vi.waitFor(() => expect(electron.ipcMain.handlers.size).toBe(CHANNELS.length));
  appHandler = electron.protocol.handle.mock.calls.find((call) => call[0] === 'app')![1] as typeof appHandler;
});

afterAll(() => fs.rmSync(appData, { recursive: true, force: true }));

describe('the built main process', () => {
  it('creates and opens the default review on first launch, and holds its lock', () => {
    const review = path.join(appData, 'Evidentia', 'reviews', 'My review');
    expect(fs.existsSync(path.join(review, 'review.json'))).toBe(true);
    expect(fs.existsSync(path.join(review, '.evidentia.lock'))).toBe(true);
  });

  it('loads the built UI over app:// with a preload that exists, sandboxed', () => {
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(fs.existsSync(prefs.preload as string)).toBe(true);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window().loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('serves the built index.html with the CSP', async () => {
    const response = await appHandler(new Request('app://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('reaches the real core over IPC: import, list, tag, and serves the file on app://files', async () => {
    const text = 'A trial report\n\nAt week 16 the mean change was -9.36 with IVIg.\n';
    const imported = await invoke('articles.import', { files: [{ fileName: 'report.txt', base64: Buffer.from(text).toString('base64') }] });
    if (!imported.ok) throw new Error(imported.error.message);
    const [result] = imported.value.results;
    expect(result?.status).toBe('imported');
    const articleId = result!.articleId!;

    const list = await invoke('articles.list', {});
    expect(list.ok && list.value.map((a) => a.id)).toEqual([articleId]);

    const start = text.indexOf('-9.36');
    const created = await invoke('annotations.create', {
      articleId, start, end: start + 5, exact: '-9.36', body: { type: 'outcome', fields: { value: '-9.36' } },
    });
    expect(created.ok && created.value.anchor).toMatchObject({ status: 'exact', start, end: start + 5 });

    const bad = await invoke('articles.get', { id: '../../etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });

    const file = await appHandler(new Request(`app://files/${articleId}`));
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(text);
  });

  it('closes the core on quit, releasing the lock', async () => {
    const lock = path.join(appData, 'Evidentia', 'reviews', 'My review', '.evidentia.lock');
    const event = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', event);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(fs.existsSync(lock)).toBe(false);
  });
});
