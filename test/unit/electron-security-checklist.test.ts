/**
 * The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
 * `it` per item, numbered as on that page. The whole app is started with a mocked `electron` (no
 * binary runs here), so each test checks what the real wiring does: the windows startApp creates,
 * the handlers it registers, the protocol it installs. docs/security-checklist.md maps each item to
 * the code; keep the two in step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import type { Core } from '../../electron/core/types.js';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron, type FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { startApp } = await import('../../electron/main/app.js');
const { ALLOWED_PERMISSIONS } = await import('../../electron/main/permissions.js');
const { relativeRequestPath } = await import('../../electron/main/protocol-paths.js');

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Electron supports the latest three stable majors. On 2026-11-22 npm's `latest` tag for electron was
 * 45.4.1, so 43, 44 and 45 are supported; raise this when a new major ships.
 */
const LATEST_STABLE_MAJOR = 45;
const OLDEST_SUPPORTED_MAJOR = LATEST_STABLE_MAJOR - 2;

type Listener = (...args: unknown[]) => unknown;
type Prefs = Record<string, unknown>;
type ProtocolHandler = (request: Request) => Promise<Response>;

let base: string; // temp folder: appData, a fake packaged app with dist/renderer, a secret outside it
let rendererDir: string;
const SECRET = 'outside the renderer folder';

function fakeCore(dir: string): Core {
  const info = { name: 'Review', dir, schemaVersion: 1, readOnly: false, reviewers: [], defaultReviewer: 'me', articleCount: 0 };
  return { dir, close: vi.fn(async () => {}), 'review.info': vi.fn(async () => info) } as unknown as Core;
}

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-checklist-'));
  rendererDir = path.join(base, 'app', 'dist', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Evidentia</title>');
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  // A link inside the served folder whose target is outside it: must never be served.
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'escape.txt'));
  fs.symlinkSync(base, path.join(rendererDir, 'up'));

  // The app logs every refused IPC call and missing review to stderr; item 17 makes hundreds on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  resetFakeElectron(electron, path.join(base, 'appData'));
  electron.app.getAppPath.mockReturnValue(path.join(base, 'app'));
  startApp({ openReview: async (dir) => fakeCore(dir), argv: ['electron', '.'], cwd: base });
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled());
  await import('../../electron/preload/index.js'); // the preload, against the same fake electron
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const windows = () => FakeBrowserWindow.instances;
const mainWindow = () => windows()[0]!;
const prefsOf = (win: FakeBrowserWindow) => (win.options as { webPreferences: Prefs }).webPreferences;

function listeners(contents: FakeWebContents, event: string): Listener[] {
  return contents.listeners(event) as Listener[];
}

/** Emits a navigation-style event to every listener; true when one of them prevented it. */
function prevented(contents: FakeWebContents, eventName: string, ...args: unknown[]): boolean {
  const event = { preventDefault: vi.fn(), url: args[0], isMainFrame: false };
  for (const listener of listeners(contents, eventName)) listener(event, ...args);
  return event.preventDefault.mock.calls.length > 0;
}

/** A webContents the app did not create (a devtools page, say), announced as Electron would. */
function foreignContents(): FakeWebContents {
  const contents = new FakeWebContents();
  electron.app.emit('web-contents-created', { preventDefault: vi.fn() }, contents);
  return contents;
}

function appProtocolHandler(): ProtocolHandler {
  const call = electron.protocol.handle.mock.calls.find(([scheme]) => scheme === 'app');
  if (!call) throw new Error('app:// is not handled');
  return call[1] as ProtocolHandler;
}

/** CSP text -> directive name -> sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Every source file under the given folders (relative to the repo), for "never written anywhere" checks. */
function sources(...dirs: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(entry.name)) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out;
}

const filesMentioning = (pattern: RegExp, ...dirs: string[]) => sources(...dirs).filter((s) => pattern.test(s.text)).map((s) => s.file);

/** The session's onBeforeRequest decision for a URL: true when it is cancelled. */
function cancelled(contents: FakeWebContents, url: string): boolean {
  const onBefore = contents.session.webRequest.onBeforeRequest.mock.calls.at(-1)?.[0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  let decision: boolean | undefined;
  onBefore({ url }, (r) => (decision = r.cancel));
  return decision!;
}

describe('Electron security checklist', () => {
  it('1. only loads secure content: the UI comes from the secure app:// scheme and http(s) requests are cancelled', () => {
    expect(mainWindow().loadURL.mock.calls).toEqual([['app://app/index.html']]);
    const scheme = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0] as { scheme: string; privileges: Prefs };
    expect(scheme).toMatchObject({ scheme: 'app', privileges: { secure: true, standard: true } });
    const contents = mainWindow().webContents;
    for (const url of ['http://example.org/x.js', 'https://cdn.example.org/font.woff', 'ws://example.org/', 'file:///etc/passwd', 'ftp://x/']) {
      expect(cancelled(contents, url), url).toBe(true);
    }
    expect(cancelled(contents, 'app://app/assets/index.js')).toBe(false);
    // And the CSP names no network source at all.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
  });

  it('2. does not enable Node.js integration for remote content (nor for workers or subframes)', () => {
    expect(windows().length).toBeGreaterThan(0);
    for (const win of windows()) {
      expect(prefsOf(win)).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
    }
    expect(filesMentioning(/nodeIntegration\w*\s*:\s*true/, 'electron')).toEqual([]);
  });

  it('3. enables context isolation in every window, and the preload exposes its API through contextBridge', () => {
    for (const win of windows()) expect(prefsOf(win).contextIsolation).toBe(true);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it('4. sandboxes every renderer: app.enableSandbox() before ready, and sandbox: true on each window', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]!).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
    for (const win of windows()) expect(prefsOf(win).sandbox).toBe(true);
  });

  it('5. handles session permission requests and checks with an (empty) allowlist, for every webContents', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    for (const contents of [mainWindow().webContents, foreignContents()]) {
      const session = contents.session;
      const request = session.setPermissionRequestHandler.mock.calls.at(-1)?.[0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
      const check = session.setPermissionCheckHandler.mock.calls.at(-1)?.[0] as (w: unknown, p: string) => boolean;
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen']) {
        const callback = vi.fn();
        request(contents, permission, callback);
        expect(callback, permission).toHaveBeenCalledWith(false);
        expect(check(contents, permission), permission).toBe(false);
      }
      expect((session.setDevicePermissionHandler.mock.calls.at(-1)?.[0] as () => boolean)()).toBe(false);
    }
  });

  it('6. does not disable webSecurity', () => {
    for (const win of windows()) expect(prefsOf(win).webSecurity).toBe(true);
    expect(filesMentioning(/webSecurity\s*:\s*false/, 'electron')).toEqual([]);
  });

  it('7. defines a CSP on every app:// answer, with no unsafe-eval and no inline or foreign scripts', async () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(policy.get(name), name).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    const handler = appProtocolHandler();
    for (const url of ['app://app/index.html', 'app://app/missing.js', 'app://files/not-an-id']) {
      expect((await handler(new Request(url))).headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    // The page repeats the policy in a meta tag (all of it but frame-ancestors, which is header-only).
    const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const headerWithoutAncestors = new Map(policy);
    headerWithoutAncestors.delete('frame-ancestors');
    expect(meta && directives(meta)).toEqual(headerWithoutAncestors);
  });

  it('8. does not allow running insecure content', () => {
    for (const win of windows()) expect(prefsOf(win).allowRunningInsecureContent).toBe(false);
    expect(filesMentioning(/allowRunningInsecureContent\s*:\s*true/, 'electron')).toEqual([]);
  });

  it('9. does not enable experimental features', () => {
    for (const win of windows()) expect(prefsOf(win).experimentalFeatures).toBe(false);
    expect(filesMentioning(/experimentalFeatures\s*:\s*true/, 'electron')).toEqual([]);
  });

  it('10. does not use enableBlinkFeatures', () => {
    for (const win of windows()) expect(prefsOf(win)).not.toHaveProperty('enableBlinkFeatures');
    expect(filesMentioning(/enableBlinkFeatures/, 'electron', 'renderer')).toEqual([]);
  });

  it('11. has no <webview> (so no allowpopups): the tag is disabled and appears nowhere in the UI', () => {
    for (const win of windows()) expect(prefsOf(win).webviewTag).toBe(false);
    expect(filesMentioning(/<webview|allowpopups/i, 'renderer', 'dist/renderer')).toEqual([]);
  });

  it('12. verifies webview options before creation: every attach is refused, in any webContents', () => {
    for (const contents of [mainWindow().webContents, foreignContents()]) {
      const webPreferences: Prefs = { nodeIntegration: true };
      expect(prevented(contents, 'will-attach-webview', webPreferences, { src: 'https://example.org/' })).toBe(true);
    }
  });

  it('13. limits navigation to app://app/ (top frame, redirects and subframes), in any webContents', () => {
    for (const contents of [mainWindow().webContents, foreignContents()]) {
      for (const eventName of ['will-navigate', 'will-redirect']) {
        for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://files/0123456789abcdef', 'app://app.evil/', 'javascript:alert(1)']) {
          expect(prevented(contents, eventName, url), `${eventName} ${url}`).toBe(true);
        }
        expect(prevented(contents, eventName, 'app://app/index.html#/library')).toBe(false);
      }
      expect(prevented(contents, 'will-frame-navigate', 'https://example.org/')).toBe(true);
    }
  });

  it('14. denies the creation of new windows (window.open, target=_blank, middle-click), in any webContents', () => {
    for (const contents of [mainWindow().webContents, foreignContents()]) {
      const handler = contents.setWindowOpenHandler.mock.calls.at(-1)?.[0] as (d: { url: string }) => { action: string };
      for (const url of ['https://example.org/', 'app://app/index.html', 'javascript:alert(1)', 'file:///etc/passwd', 'about:blank']) {
        expect(handler({ url }), url).toEqual({ action: 'deny' });
      }
    }
    expect(windows()).toHaveLength(1);
  });

  it('15. calls shell.openExternal only through one helper, and only for https: and mailto:', async () => {
    const { openExternalSafely } = await import('../../electron/main/external.js');
    electron.shell.openExternal.mockClear();
    const tried = ['https://doi.org/10.1056/x', 'mailto:a@example.org', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'vbscript:x', `https://x.org/${'a'.repeat(3000)}`];
    for (const url of tried) await openExternalSafely(url);
    expect(electron.shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://doi.org/10.1056/x', 'mailto:a@example.org']);
    expect(filesMentioning(/\.openExternal\(/, 'electron', 'renderer')).toEqual(['electron/main/external.ts']);
  });

  it(`16. uses a current Electron (a supported major: ${OLDEST_SUPPORTED_MAJOR}..${LATEST_STABLE_MAJOR} or newer), pinned exactly`, () => {
    const installed = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_MAJOR);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.electron).toBe(installed); // an exact pin: upgrades are deliberate
  });

  it('17. validates the sender of every IPC message: each registered handler refuses frames not from app://app', async () => {
    const handlers = electron.ipcMain.handlers;
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const ours = mainWindow().webContents.id;
    const frame = (url: string, parent: unknown = null) => ({ sender: { id: ours }, senderFrame: { url, parent } });
    const untrusted = [
      frame('https://evil.example/'),
      frame('file:///home/user/index.html'),
      frame('app://files/0123456789abcdef'),
      frame('app://app.evil/index.html'),
      frame('app://app/index.html', { url: 'app://app/index.html' }), // a subframe of our page
      { sender: { id: ours + 1000 }, senderFrame: { url: 'app://app/index.html', parent: null } }, // not our window
      { sender: { id: ours }, senderFrame: null }, // destroyed or navigated away
    ];
    for (const [channel, handler] of handlers) {
      for (const event of untrusted) {
        expect(await handler(event, {}), `${channel} from ${JSON.stringify(event)}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    // The check is not refusing everyone: our own main frame gets through.
    expect(await handlers.get('review.info')!(frame('app://app/index.html'), {})).toMatchObject({ ok: true });
  });

  it('18. uses the app:// protocol instead of file://, and keeps requests inside the renderer folder', async () => {
    const handler = appProtocolHandler();
    const fetchText = async (url: string) => {
      const response = await handler(new Request(url));
      return { status: response.status, text: await response.text() };
    };
    expect(await fetchText('app://app/index.html')).toMatchObject({ status: 200, text: expect.stringContaining('Evidentia') });
    const escapes = [
      'app://app/..%2f..%2fsecret.txt',
      'app://app/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://app/assets%2f..%2f..%2f..%2fsecret.txt',
      `app://app/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      `app://app//${path.join(base, 'secret.txt')}`,
      'app://app/..%5c..%5c..%5csecret.txt',
      'app://app/assets/escape.txt', // a symlink whose target is outside
      'app://app/up/secret.txt', // a symlinked folder pointing outside
    ];
    for (const url of escapes) {
      const { status, text } = await fetchText(url);
      expect(status, url).toBe(404);
      expect(text, url).not.toContain(SECRET);
    }
    // Raw paths the URL parser would normalise before they reach us are refused on their own too.
    for (const raw of ['/../secret.txt', '/%2e%2e/secret.txt', '/.%2E/secret.txt', '/C:/x', '/a\\..\\b']) expect(relativeRequestPath(raw), raw).toBeNull();
    expect(filesMentioning(/loadFile\(|loadURL\(\s*['"`]file:/, 'electron')).toEqual([]);
  });

  it('19. sets the Electron fuses in the packaging config (no run-as-node, no NODE_OPTIONS/inspect, asar only and verified)', () => {
    const config = createRequire(import.meta.url)(path.join(ROOT, 'build/electron-builder.config.cjs')) as { asar: boolean; electronFuses: Prefs };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. exposes no Electron API to web content: window.evidentia is a frozen set of channel functions, nothing else', async () => {
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, (input: unknown) => Promise<unknown>>];
    expect(key).toBe('evidentia');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // Each function is bound to its own channel: no way to name another channel or reach ipcRenderer.
    electron.ipcRenderer.invoke.mockClear();
    await api['articles.list']!({ channel: 'anything', __proto__: null });
    expect(electron.ipcRenderer.invoke.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['articles.list']);
    const preload = sources('electron/preload').map((s) => s.text).join('\n');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  });
});
