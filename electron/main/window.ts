/**
 * The main window. The page is untrusted as far as the main process is concerned (it renders
 * imported documents), so it gets no Node, an isolated world, the Chromium sandbox, and may neither
 * navigate away from app://app/ nor open windows nor embed webviews.
 */
import { BrowserWindow, type WebContents } from 'electron';
import { openExternalSafely } from './external.js';
import { UI_ENTRY_URL, isUiUrl } from './origins.js';
import { preloadPath } from './paths.js';
import { lockDownSession } from './permissions.js';
import { forgetWebContents, rememberWebContents } from './window-registry.js';

/** Navigation handler: anything leaving app://app/ is stopped; web links go to the system browser. */
function blockNavigation(event: { preventDefault(): void }, url: string): void {
  if (isUiUrl(url)) return;
  event.preventDefault();
  void openExternalSafely(url);
}

/** The web contents already guarded, so the app-wide hook and createMainWindow never double up. */
const guarded = new WeakSet<object>();

/**
 * Navigation, new-window and webview limits for one webContents. app.ts applies it to every
 * webContents Electron creates ('web-contents-created'), so a contents we did not create ourselves
 * (a devtools page, a future helper) is held to the same rules as the main window.
 */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-frame-navigate', (event) => {
    // Subframes are refused by the CSP (frame-src 'none'); should one exist anyway, it stays on our scheme.
    if (!event.isMainFrame && !isUiUrl(event.url)) event.preventDefault();
  });
  // The UI has no <webview>, and webviewTag is off; refusing the attach is the second lock.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // window.open, target=_blank and middle-click all end here: never a new Electron window.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(title = 'Evidentia'): BrowserWindow {
  const win = new BrowserWindow({
    title,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    // Written out literally here (not built by a helper) so static scanners such as
    // electronegativity see every option; test/unit/electron-security-checklist.test.ts asserts them.
    webPreferences: {
      preload: preloadPath(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false, // dropping a file imports it; it must not replace the UI
    },
  });
  const contents = win.webContents;
  const id = contents.id;
  rememberWebContents(id);
  contents.once('destroyed', () => forgetWebContents(id));

  lockDownSession(contents.session);
  guardWebContents(contents);

  win.once('ready-to-show', () => win.show());
  void win.loadURL(UI_ENTRY_URL);
  return win;
}
