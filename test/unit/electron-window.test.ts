// The main window's security settings, proven against a mocked `electron` (no binary here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeBrowserWindow, FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { createMainWindow } = await import('../../electron/main/window.js');
const registry = await import('../../electron/main/window-registry.js');

type Listener = (...args: unknown[]) => unknown;
const listeners = (win: FakeBrowserWindow, event: string) => win.webContents.listeners(event) as Listener[];
const navEvent = () => ({ preventDefault: vi.fn() });

/** Emits a navigation-style event and returns whether some listener prevented it. */
function prevented(win: FakeBrowserWindow, eventName: string, url: string): boolean {
  const event = navEvent();
  for (const listener of listeners(win, eventName)) listener(event, url);
  return event.preventDefault.mock.calls.length > 0;
}

let win: FakeBrowserWindow;
beforeEach(() => {
  electron.shell.openExternal.mockClear();
  win = createMainWindow() as unknown as FakeBrowserWindow;
});

describe('main window', () => {
  it('uses a sandboxed, isolated renderer with no Node, no webview and the CJS preload', () => {
    const prefs = (win.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
    expect(prefs.preload).toBe('/fake/app/dist/preload/index.cjs');
  });

  it('loads the UI from app://app/, never file://', () => {
    expect(win.loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('stops navigation and redirects away from app://app/', () => {
    for (const eventName of ['will-navigate', 'will-redirect']) {
      expect(prevented(win, eventName, 'https://example.org/')).toBe(true);
      expect(prevented(win, eventName, 'file:///etc/passwd')).toBe(true);
      expect(prevented(win, eventName, 'app://files/0123456789abcdef')).toBe(true);
      expect(prevented(win, eventName, 'app://app.evil/index.html')).toBe(true);
      expect(prevented(win, eventName, 'not a url')).toBe(true);
      expect(prevented(win, eventName, 'app://app/index.html#library')).toBe(false);
    }
  });

  it('sends web links to the system browser but never file: URLs', () => {
    prevented(win, 'will-navigate', 'https://doi.org/10.1016/x');
    prevented(win, 'will-navigate', 'file:///etc/passwd');
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://doi.org/10.1016/x']]);
  });

  it('stops subframes from leaving the app scheme', () => {
    const [listener] = listeners(win, 'will-frame-navigate');
    const sub = { url: 'https://example.org/', isMainFrame: false, preventDefault: vi.fn() };
    listener?.(sub);
    expect(sub.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open for every URL', () => {
    const handler = win.webContents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => { action: string };
    for (const url of ['https://example.org/', 'app://app/index.html', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('prevents attaching a webview', () => {
    expect(prevented(win, 'will-attach-webview', 'https://example.org/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = win.webContents.session;
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (w: unknown, p: string) => boolean;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(null, permission)).toBe(false);
    }
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });

  it('cancels every request that is not to our own scheme', () => {
    const onBefore = win.webContents.session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      const cb = vi.fn();
      onBefore({ url }, cb);
      return (cb.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('https://example.org/track.gif')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://app/assets/index.js')).toBe(false);
    expect(cancelled('app://files/0123456789abcdef')).toBe(false);
  });

  it('records the windows it created so IPC can check senders, and forgets them when destroyed', () => {
    const id = win.webContents.id;
    expect(registry.isOurWebContents(id)).toBe(true);
    expect(registry.isOurWebContents(id + 1000)).toBe(false);
    win.webContents.emit('destroyed');
    expect(registry.isOurWebContents(id)).toBe(false);
  });
});
