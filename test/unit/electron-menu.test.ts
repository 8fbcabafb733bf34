// The application menu: review actions under File, devtools only outside packaged builds.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const { buildMenuTemplate } = await import('../../electron/main/menu.js');

const actions = { openReview: vi.fn(), newReview: vi.fn(), showReviewFolder: vi.fn(), about: vi.fn() };
const flat = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((top) => [top, ...((top.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

describe('application menu', () => {
  it('has File, Edit, View and Help, with Open review… and New review… wired to their actions', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux', actions });
    expect(template.map((t) => t.label ?? t.role)).toEqual(['File', 'Edit', 'View', 'help']);
    const items = flat(template);
    (items.find((i) => i.label === 'Open review…')?.click as () => void)();
    (items.find((i) => i.label === 'New review…')?.click as () => void)();
    expect(actions.openReview).toHaveBeenCalledTimes(1);
    expect(actions.newReview).toHaveBeenCalledTimes(1);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    expect(items.some((i) => i.role === 'copy')).toBe(true);
  });

  it('offers developer tools only when the app is not packaged', () => {
    const roles = (isPackaged: boolean) => flat(buildMenuTemplate({ isPackaged, platform: 'linux', actions })).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('puts the standard app menu first on macOS', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin', actions })[0]?.role).toBe('appMenu');
  });
});
