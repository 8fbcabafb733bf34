/**
 * App lifecycle: one instance, the app:// scheme, the review, the window, the menu, a clean quit.
 * The core's openReview is passed in (index.ts wires the real one), so tests run this with fakes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import type { ReviewInfo } from '../../shared/model/index.js';
import { showAbout, showOpenFailure, showReadOnlyNotice, pickNewReviewFolder, pickReviewFolder } from './dialogs.js';
import { registerIpc } from './ipc/register.js';
import { installMenu } from './menu.js';
import { rendererRoot } from './paths.js';
import { handleAppProtocol, registerAppScheme } from './protocol.js';
import { chooseReview, defaultChoice, type ReviewChoice } from './review-choice.js';
import { ReviewSession, type OpenReview, type OpenedReview } from './review-session.js';
import { loadSettings, saveSettings, settingsPath } from './settings.js';
import { lockDownSession } from './permissions.js';
import { createMainWindow, guardWebContents } from './window.js';

const log = (message: string, error?: unknown): void => {
  console.error(`[evidentia] ${message}`, error ?? '');
};

function titleFor(info: ReviewInfo | null): string {
  if (!info) return 'Evidentia';
  return `${info.name}${info.readOnly ? ' (read-only)' : ''} — Evidentia`;
}

export interface StartOptions {
  openReview: OpenReview;
  argv?: readonly string[];
  cwd?: string;
}

/** Returns the session for tests; null when this process is a second instance and quits. */
export function startApp(options: StartOptions): ReviewSession | null {
  // A fixed, product-named data folder whether run from a checkout (`npm start`) or packaged, set
  // before anything reads it (the single-instance lock lives there too).
  app.setPath('userData', path.join(app.getPath('appData'), 'Evidentia'));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  app.enableSandbox(); // every renderer sandboxed, whatever a window's options say
  registerAppScheme(); // must happen before 'ready'
  // Every webContents, whoever creates it, gets the navigation/new-window/webview limits and the
  // permission lockdown, not only the main window (defence in depth: there is no other today).
  app.on('web-contents-created', (_event, contents) => {
    lockDownSession(contents.session);
    guardWebContents(contents);
  });

  const session = new ReviewSession(options.openReview, log);
  let mainWindow: BrowserWindow | null = null;
  const userData = (): string => app.getPath('userData');

  const focusMainWindow = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  const remember = async (dir: string): Promise<void> => {
    const file = settingsPath(userData());
    try {
      await saveSettings(file, { ...(await loadSettings(file)), lastReview: dir });
    } catch (error) {
      log('could not save settings', error); // not fatal: next start opens the default review
    }
  };

  /** Opens a review and makes it current; on failure tells the user and returns null. */
  const activate = async (choice: ReviewChoice): Promise<OpenedReview | null> => {
    try {
      const opened = await session.open(choice.dir, { create: choice.create, name: choice.name });
      await remember(opened.core.dir);
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setTitle(titleFor(opened.info));
      return opened;
    } catch (error) {
      log(`could not open the review at ${choice.dir}`, error);
      await showOpenFailure(mainWindow, choice.dir, error);
      return null;
    }
  };

  const switchReview = async (create: boolean): Promise<void> => {
    const current = session.core?.dir ?? path.join(userData(), 'reviews');
    const dir = create
      ? await pickNewReviewFolder(mainWindow, path.join(path.dirname(current), 'New review'))
      : await pickReviewFolder(mainWindow, current);
    if (!dir) return;
    const before = session.core;
    const opened = await activate({ dir, create, name: path.basename(dir), source: 'menu' });
    if (!opened || opened.core === before) return;
    // The UI holds the old review's state: start it afresh on the new one.
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
    if (opened.info.readOnly) await showReadOnlyNotice(mainWindow, opened.core.dir);
  };

  const openWindow = (): void => {
    mainWindow = createMainWindow(titleFor(session.info));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  const onReady = async (): Promise<void> => {
    handleAppProtocol({ rendererRoot: rendererRoot(), getCore: () => session.core, log });
    registerIpc(() => session.core, log);

    const settings = await loadSettings(settingsPath(userData()));
    const choice = chooseReview({
      argv: options.argv ?? process.argv,
      cwd: options.cwd ?? process.cwd(),
      userData: userData(),
      lastReview: settings.lastReview,
      exists: (dir) => fs.existsSync(dir),
    });
    let opened = await activate(choice);
    if (!opened && choice.source !== 'default') opened = await activate(defaultChoice(userData()));
    if (!opened) {
      app.quit(); // both the chosen and the default review failed; the user was told why
      return;
    }
    openWindow();
    installMenu({
      isPackaged: app.isPackaged,
      platform: process.platform,
      actions: {
        openReview: () => void switchReview(false),
        newReview: () => void switchReview(true),
        showReviewFolder: () => {
          if (session.core) void shell.openPath(session.core.dir);
        },
        about: () => void showAbout(mainWindow, session.core?.dir ?? null),
      },
    });
    if (opened.info.readOnly) await showReadOnlyNotice(mainWindow, opened.core.dir);
  };

  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && session.core) openWindow();
  });

  // Quit waits for the core to release its lock and finish pending writes, then quits for real.
  let closed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void session.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  app.whenReady().then(onReady).catch((error: unknown) => {
    log('start-up failed', error);
    void session.close().finally(() => app.exit(1));
  });
  return session;
}
