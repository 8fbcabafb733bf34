/**
 * The application menu. Importing files is done in the UI (button and drag-and-drop), so File holds
 * only what the shell owns: which review is open. Developer tools exist only in unpackaged builds.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openReview: () => void;
  newReview: () => void;
  showReviewFolder: () => void;
  about: () => void;
}

export function buildMenuTemplate(options: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { actions, isPackaged, platform } = options;
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Open review…', accelerator: 'CmdOrCtrl+O', click: actions.openReview },
      { label: 'New review…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newReview },
      { label: 'Show review folder', click: actions.showReviewFolder },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }, { role: 'forceReload' }];
  if (!isPackaged) view.push({ role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: 'View', submenu: view });
  template.push({ role: 'help', submenu: [{ label: 'About Evidentia', click: actions.about }] });
  return template;
}

export function installMenu(options: Parameters<typeof buildMenuTemplate>[0]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
