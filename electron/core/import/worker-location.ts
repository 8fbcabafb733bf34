/**
 * Where the bundled PDF worker (dist/core/pdf-worker.mjs) is, whoever is asking:
 *  - esbuild bundles (dist/main/index.js, dist/cli/evidentia.mjs): the sibling folder ../core/;
 *  - TypeScript sources under vitest (electron/core/import/*.ts): the package root's dist/core/,
 *    found by walking up to package.json (test/setup/build-node.ts builds it before the tests);
 *  - a packaged Electron app: the same paths inside app.asar, rewritten to app.asar.unpacked,
 *    because a worker thread loads its entry (and pdfjs-dist) with Node's own loader, not Electron's
 *    asar-aware fs.
 * EVIDENTIA_PDF_WORKER (or an explicit path) overrides all of this.
 */
import { existsSync } from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvidentiaError } from '../../../shared/result.js';

export const PDF_WORKER_ENV = 'EVIDENTIA_PDF_WORKER';
export const PDF_WORKER_FILE = join('dist', 'core', 'pdf-worker.mjs');

/** Inside a packaged app, files listed in asarUnpack live beside the archive, in app.asar.unpacked. */
export function unpackedPath(path: string): string {
  const marker = `${sep}app.asar${sep}`;
  return path.includes(marker) ? path.replace(marker, `${sep}app.asar.unpacked${sep}`) : path;
}

/** The nearest folder at or above `start` holding a package.json. */
export function findPackageRoot(start: string): string | null {
  let dir = start;
  const { root } = parse(dir);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) return null;
    dir = dirname(dir);
  }
}

export function locatePdfWorker(explicit?: string, from: string = dirname(fileURLToPath(import.meta.url))): string {
  const override = explicit ?? process.env[PDF_WORKER_ENV];
  if (override) {
    if (!existsSync(override)) throw new EvidentiaError('internal', `The PDF worker given by ${PDF_WORKER_ENV} does not exist: ${override}`);
    return override;
  }
  const candidates = [join(from, '..', 'core', 'pdf-worker.mjs')];
  const root = findPackageRoot(from);
  if (root) candidates.push(join(root, PDF_WORKER_FILE));
  for (const candidate of candidates) {
    for (const path of [unpackedPath(candidate), candidate]) {
      if (existsSync(path)) return path;
    }
  }
  throw new EvidentiaError(
    'internal',
    `PDF import is not built: ${PDF_WORKER_FILE} is missing (looked in ${candidates.join(', ')}). Run "npm run build".`,
  );
}
