// Bundles the Node-side entry points with esbuild (the renderer is built by Vite).
// Runtime dependencies (pdfjs-dist, lowdb, zod, htmlparser2 ...) stay external: they ship in
// node_modules (and in the app's asar), so the bundle only holds our own code.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning' };

await Promise.all([
  // Electron main process (ESM).
  build({ ...common, entryPoints: { index: 'electron/main/index.ts' }, outdir: 'dist/main', format: 'esm', outExtension: { '.js': '.js' } }),
  // Sandboxed preloads must be CommonJS.
  build({ ...common, entryPoints: { index: 'electron/preload/index.ts' }, outdir: 'dist/preload', format: 'cjs', outExtension: { '.js': '.cjs' } }),
  // CLI (also hosts `serve`, the browser bridge).
  build({
    ...common,
    entryPoints: { evidentia: 'electron/cli/index.ts' },
    outdir: 'dist/cli',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: '#!/usr/bin/env node' },
  }),
  // PDF text extraction and CSV rendering of big exports run in worker threads, off the main thread.
  build({ ...common, entryPoints: { 'pdf-worker': 'electron/core/import/pdf-worker.ts', 'export-worker': 'electron/core/export/export-worker.ts' }, outdir: 'dist/core', format: 'esm', outExtension: { '.js': '.mjs' } }),
]);
