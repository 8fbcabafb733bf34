/** The few native dialogs the shell needs, worded for the user. */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { EvidentiaError } from '../../shared/result.js';

function parentOf(win: BrowserWindow | null): BrowserWindow | undefined {
  return win && !win.isDestroyed() ? win : undefined;
}

async function show(win: BrowserWindow | null, options: Electron.MessageBoxOptions): Promise<void> {
  const parent = parentOf(win);
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

export function showReadOnlyNotice(win: BrowserWindow | null, dir: string): Promise<void> {
  return show(win, {
    type: 'warning',
    title: 'Review opened read-only',
    message: 'This review is open in another Evidentia window or program.',
    detail:
      `${dir}\n\nYou can read it here, but changes are switched off until the other program closes it. ` +
      'Close it there, then open the review again to make changes.',
    buttons: ['OK'],
  });
}

export function showOpenFailure(win: BrowserWindow | null, dir: string, error: unknown): Promise<void> {
  const reason =
    error instanceof EvidentiaError ? error.message : 'The folder could not be opened as an Evidentia review.';
  return show(win, {
    type: 'error',
    title: 'Could not open the review',
    message: `Evidentia could not open “${path.basename(dir)}”.`,
    detail: `${dir}\n\n${reason}`,
    buttons: ['OK'],
  });
}

export function showAbout(win: BrowserWindow | null, reviewDir: string | null): Promise<void> {
  return show(win, {
    type: 'info',
    title: 'About Evidentia',
    message: `Evidentia ${app.getVersion()}`,
    detail:
      'Extract outcomes and track discrepancies between research sources. Works offline; your data stays on this computer.' +
      (reviewDir ? `\n\nOpen review: ${reviewDir}` : ''),
    buttons: ['OK'],
  });
}

/** Folder picker for File → Open review…; null when cancelled. */
export async function pickReviewFolder(win: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Open review',
    buttonLabel: 'Open review',
    defaultPath,
    properties: ['openDirectory'],
  };
  const parent = parentOf(win);
  const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Where to create File → New review…: the user names a folder that does not exist yet. */
export async function pickNewReviewFolder(win: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'New review',
    buttonLabel: 'Create review',
    nameFieldLabel: 'Review name',
    defaultPath,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = parentOf(win);
  const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
  return result.canceled || !result.filePath ? null : result.filePath;
}
