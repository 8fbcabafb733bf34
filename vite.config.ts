import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is served from app://app/ in Electron and from the bridge over HTTP: relative asset
// paths (base './') work under both.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
