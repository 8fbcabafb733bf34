/**
 * The main window. The page is untrusted as far as the main process is concerned (it renders
 * imported documents), so it gets no Node, an isolated world, the Chromium sandbox, and may neither
 * navigate away from app://app/ nor open windows nor embed webviews.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { openExternalSafely } from './external.js';
import { UI_ENTRY_URL, isUiUrl } from './origins.js';
import { preloadPath } from './paths.js';
import { lockDownSession } from './permissions.js';
import { forgetWebContents, rememberWebContents } from './window-registry.js';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
  };
}

/** Navigation handler: anything leaving app://app/ is stopped; web links go to the system browser. */
function blockNavigation(event: { preventDefault(): void }, url: string): void {
  if (isUiUrl(url)) return;
  event.preventDefault();
  void openExternalSafely(url);
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
    webPreferences: secureWebPreferences(preloadPath()),
  });
  const contents = win.webContents;
  const id = contents.id;
  rememberWebContents(id);
  contents.once('destroyed', () => forgetWebContents(id));

  lockDownSession(contents.session);
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-frame-navigate', (event) => {
    // Subframes are refused by the CSP (frame-src 'none'); should one exist anyway, it stays on our scheme.
    if (!event.isMainFrame && !isUiUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });

  win.once('ready-to-show', () => win.show());
  void win.loadURL(UI_ENTRY_URL);
  return win;
}
