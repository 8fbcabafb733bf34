/**
 * A full disk for integration tests: while `diskFull.on`, creating a temporary file (every store
 * write goes through one) fails with ENOSPC. Each test file installs it with
 *   vi.mock('node:fs/promises', async (real) => (await import('./disk-full.js')).fullDiskPromises(await real()));
 *   vi.mock('node:fs', async (real) => (await import('./disk-full.js')).fullDiskFs(await real()));
 * (vi.mock is hoisted above imports, hence the dynamic import of this module).
 */
export const diskFull = { on: false };

function refuseTemporary(file: unknown): void {
  if (diskFull.on && String(file).endsWith('.tmp')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
}

export function fullDiskPromises(real: typeof import('node:fs/promises')): typeof import('node:fs/promises') {
  const open: typeof real.open = async (file, ...rest) => {
    refuseTemporary(file);
    return real.open(file, ...rest);
  };
  return { ...real, open, default: { ...real, open } } as typeof real;
}

export function fullDiskFs(real: typeof import('node:fs')): typeof import('node:fs') {
  const openSync: typeof real.openSync = (file, ...rest) => {
    refuseTemporary(file);
    return real.openSync(file, ...rest);
  };
  return { ...real, openSync, default: { ...real, openSync } } as typeof real;
}
