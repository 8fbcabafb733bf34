// App lifecycle against a mocked electron: single instance, first launch, read-only reviews,
// switching reviews from the menu, and a quit that waits for the core to close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS } from '../../shared/contract.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Core } from '../../electron/core/types.js';
import { FakeBrowserWindow, resetFakeElectron, type FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { startApp } = await import('../../electron/main/app.js');

let appData: string;
const opened: Core[] = [];

function fakeCore(dir: string, readOnly = false): Core {
  const core = {
    dir,
    close: vi.fn(async () => {}),
    'review.info': vi.fn(async () => ({ name: path.basename(dir), dir, schemaVersion: 1, readOnly, reviewers: [], defaultReviewer: 'me', articleCount: 0 })),
  } as unknown as Core;
  opened.push(core);
  return core;
}
const openReview = vi.fn(async (dir: string, _options?: unknown) => fakeCore(dir));

const userData = () => path.join(appData, 'Evidentia');
const settings = () => JSON.parse(fs.readFileSync(path.join(userData(), 'settings.json'), 'utf8')) as { lastReview?: string };
const mainWindow = () => FakeBrowserWindow.instances[0] as FakeBrowserWindow;

async function launch(argv: string[] = ['electron', '.']) {
  const session = startApp({ openReview, argv, cwd: appData });
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled());
  return session;
}

function menuItem(label: string): MenuItemConstructorOptions {
  const template = electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
  for (const top of template) {
    for (const item of (top.submenu as MenuItemConstructorOptions[] | undefined) ?? []) if (item.label === label) return item;
  }
  throw new Error(`no menu item ${label}`);
}

beforeEach(() => {
  appData = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-appdata-'));
  resetFakeElectron(electron, appData);
  openReview.mockClear();
  opened.length = 0;
});
afterEach(() => fs.rmSync(appData, { recursive: true, force: true }));

describe('single instance', () => {
  it('a second instance quits at once, before registering anything', () => {
    electron.app.hasLock = false;
    expect(startApp({ openReview })).toBeNull();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(openReview).not.toHaveBeenCalled();
  });

  it('the first instance focuses its window when a second one starts', async () => {
    await launch();
    const win = mainWindow();
    win.minimized = true;
    electron.app.emit('second-instance', {}, ['electron', '.'], appData);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('registers app:// before ready, sandboxes all renderers, and uses a product-named data folder', () => {
    startApp({ openReview, argv: ['electron', '.'], cwd: appData });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.protocol.handle).not.toHaveBeenCalled(); // only once ready
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', userData());
    // The data folder is fixed before the single-instance lock (which lives in it) is taken.
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0);
  });

  it('on first launch creates the default review in userData, remembers it, and opens the window on app://', async () => {
    await launch();
    const dir = path.join(userData(), 'reviews', 'My review');
    expect(openReview).toHaveBeenCalledWith(dir, expect.objectContaining({ create: true, name: 'My review' }));
    expect(settings().lastReview).toBe(dir);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(mainWindow().loadURL).toHaveBeenCalledWith('app://app/index.html');
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('reopens the review opened last', async () => {
    const last = path.join(appData, 'ivig');
    fs.mkdirSync(last);
    fs.mkdirSync(userData(), { recursive: true });
    fs.writeFileSync(path.join(userData(), 'settings.json'), JSON.stringify({ schemaVersion: 1, lastReview: last }));
    await launch();
    expect(openReview).toHaveBeenCalledWith(last, expect.objectContaining({ create: false }));
  });

  it('opens the review given with --review', async () => {
    await launch(['electron', '.', '--review', 'team review']);
    expect(openReview).toHaveBeenCalledWith(path.join(appData, 'team review'), expect.objectContaining({ create: true }));
    expect(settings().lastReview).toBe(path.join(appData, 'team review'));
  });

  it('falls back to the default review (telling the user) when the chosen one cannot be opened', async () => {
    openReview.mockRejectedValueOnce(new EvidentiaError('corrupt-file', 'review.json is not valid JSON'));
    await launch(['electron', '.', '--review', 'broken']);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = electron.dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string }];
    expect(JSON.stringify(options)).toContain('review.json is not valid JSON');
    expect(openReview).toHaveBeenLastCalledWith(path.join(userData(), 'reviews', 'My review'), expect.objectContaining({ create: true }));
  });

  it('says clearly when the review is locked by another process, and goes on read-only', async () => {
    openReview.mockImplementationOnce(async (dir: string) => fakeCore(dir, true));
    await launch();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    const text = JSON.stringify(electron.dialog.showMessageBox.mock.calls[0]);
    expect(text).toMatch(/read-only/i);
    expect(text).toMatch(/another Evidentia window or program/);
    expect(mainWindow().options.title).toMatch(/read-only/);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('File → Open review… switches to the chosen review, closes the old one and reloads the UI', async () => {
    await launch();
    const first = opened[0] as Core;
    const other = path.join(appData, 'other review');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    (menuItem('Open review…').click as () => void)();
    await vi.waitFor(() => expect(mainWindow().webContents.reload).toHaveBeenCalled());
    expect(openReview).toHaveBeenLastCalledWith(other, expect.objectContaining({ create: false }));
    expect(first.close).toHaveBeenCalledTimes(1);
    expect(settings().lastReview).toBe(other);
  });

  it('File → New review… creates the review where the user names it', async () => {
    await launch();
    const target = path.join(appData, 'Trial B');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    (menuItem('New review…').click as () => void)();
    await vi.waitFor(() => expect(openReview).toHaveBeenLastCalledWith(target, expect.objectContaining({ create: true, name: 'Trial B' })));
  });

  it('a cancelled dialog changes nothing', async () => {
    await launch();
    (menuItem('Open review…').click as () => void)();
    await new Promise((r) => setTimeout(r, 10));
    expect(openReview).toHaveBeenCalledTimes(1);
    expect((opened[0] as Core).close).not.toHaveBeenCalled();
  });
});

describe('quit', () => {
  it('waits for the core to close before quitting for real', async () => {
    await launch();
    const core = opened[0] as Core;
    let release: () => void = () => {};
    (core.close as ReturnType<typeof vi.fn>).mockImplementationOnce(() => new Promise<void>((r) => (release = r)));
    const first = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});
