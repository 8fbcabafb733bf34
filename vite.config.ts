import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const PDFJS_DIR = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
/** pdf.js fetches these at run time (CJK cmaps, the 14 standard fonts, wasm decoders, ICC profiles). */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Copies pdf.js's run-time assets to <out>/pdfjs/, so the app never fetches them from a CDN (it is
 * offline, and the CSP allows only 'self'). The dev server serves the same paths from node_modules.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'evidentia-pdfjs-assets',
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const file of listFiles(join(PDFJS_DIR, dir))) {
          const fileName = `pdfjs/${relative(PDFJS_DIR, file).split(sep).join('/')}`;
          this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pdfjs\/([a-z_]+)\/([^/?]+)/.exec(req.url ?? '');
        if (!match || !PDFJS_ASSET_DIRS.includes(match[1]!)) return next();
        const file = join(PDFJS_DIR, match[1]!, decodeURIComponent(match[2]!));
        if (!file.startsWith(PDFJS_DIR) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        createReadStream(file).pipe(res);
      });
    },
  };
}

// The renderer is served from app://app/ in Electron and from the bridge over HTTP: relative asset
// paths (base './') work under both.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [pdfjsAssets()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // pdf.js is one large module by design; it is loaded lazily, only when a PDF is opened.
    chunkSizeWarningLimit: 2_000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
