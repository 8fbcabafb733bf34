import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPackageRoot, locatePdfWorker, PDF_WORKER_ENV, unpackedPath } from '../../electron/core/import/worker-location.js';

const dirs: string[] = [];
function tempTree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'evidentia-worker-'));
  dirs.push(root);
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  return root;
}

afterEach(() => {
  delete process.env[PDF_WORKER_ENV];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PDF worker location', () => {
  it('finds dist/core beside a bundle (dist/main, dist/cli)', () => {
    const root = tempTree(['package.json', 'dist/core/pdf-worker.mjs']);
    expect(locatePdfWorker(undefined, join(root, 'dist', 'cli'))).toBe(join(root, 'dist', 'core', 'pdf-worker.mjs'));
  });

  it('finds dist/core from TypeScript sources via the package root', () => {
    const root = tempTree(['package.json', 'dist/core/pdf-worker.mjs', 'electron/core/import/x.ts']);
    expect(findPackageRoot(join(root, 'electron', 'core', 'import'))).toBe(root);
    expect(locatePdfWorker(undefined, join(root, 'electron', 'core', 'import'))).toBe(join(root, 'dist', 'core', 'pdf-worker.mjs'));
  });

  it('prefers app.asar.unpacked inside a packaged app', () => {
    expect(unpackedPath(`${sep}opt${sep}App${sep}resources${sep}app.asar${sep}dist${sep}core${sep}pdf-worker.mjs`)).toBe(
      `${sep}opt${sep}App${sep}resources${sep}app.asar.unpacked${sep}dist${sep}core${sep}pdf-worker.mjs`,
    );
    const root = tempTree(['resources/app.asar.unpacked/dist/core/pdf-worker.mjs', 'resources/app.asar/package.json']);
    expect(locatePdfWorker(undefined, join(root, 'resources', 'app.asar', 'dist', 'main'))).toBe(
      join(root, 'resources', 'app.asar.unpacked', 'dist', 'core', 'pdf-worker.mjs'),
    );
  });

  it('honours an explicit path and the environment variable, and says when the worker is missing', () => {
    const root = tempTree(['custom/worker.mjs']);
    expect(locatePdfWorker(join(root, 'custom', 'worker.mjs'))).toBe(join(root, 'custom', 'worker.mjs'));
    process.env[PDF_WORKER_ENV] = join(root, 'custom', 'worker.mjs');
    expect(locatePdfWorker(undefined, root)).toBe(join(root, 'custom', 'worker.mjs'));
    process.env[PDF_WORKER_ENV] = join(root, 'nope.mjs');
    expect(() => locatePdfWorker(undefined, root)).toThrow(/does not exist/);
    delete process.env[PDF_WORKER_ENV];
    expect(() => locatePdfWorker(undefined, join(root, 'custom'))).toThrow(/npm run build/);
  });
});
