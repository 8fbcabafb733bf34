/**
 * vitest globalSetup (unit and integration projects): bundle the Node entry points once before any
 * test runs, with the project's own build script (build/bundle.mjs -> dist/main, dist/cli,
 * dist/core/pdf-worker.mjs). Tests import the core from TypeScript sources, but two things need the
 * bundles: the PDF worker thread is started by plain Node, which cannot load .ts files (the locator
 * in electron/core/import/worker-location.ts finds dist/core/pdf-worker.mjs from the package root),
 * and the CLI tests run dist/cli/evidentia.mjs.
 *
 * If the full bundle fails (an entry point elsewhere does not build), the PDF worker alone is
 * built with the same options, so the import tests still run, and the failure is printed.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Both projects register this setup; one vitest process builds once (shared across module copies). */
const ONCE = Symbol.for('evidentia.build-node');
type WithOnce = typeof globalThis & { [ONCE]?: Promise<void> };

export default function setup(): Promise<void> {
  const g = globalThis as WithOnce;
  g[ONCE] ??= bundle();
  return g[ONCE];
}

async function bundle(): Promise<void> {
  try {
    execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    const reasons = stderr.split('\n').filter((l) => /ERROR|error:/i.test(l)).slice(0, 5).join('\n');
    console.warn(`[build-node] build/bundle.mjs failed; building only the PDF worker.\n${reasons || stderr}`);
    await buildPdfWorkerOnly();
  }
}

async function buildPdfWorkerOnly(): Promise<void> {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies?: Record<string, string> };
  await build({
    absWorkingDir: root,
    entryPoints: { 'pdf-worker': 'electron/core/import/pdf-worker.ts' },
    outdir: 'dist/core',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    logLevel: 'warning',
  });
}
