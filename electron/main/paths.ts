/**
 * Where the built app lives. app.getAppPath() is the folder holding package.json: the checkout under
 * `npm start`, resources/app.asar when packaged. Everything we load is under its dist/.
 */
import path from 'node:path';
import { app } from 'electron';

export function rendererRoot(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

/** Sandboxed preloads must be CommonJS: build/bundle.mjs emits dist/preload/index.cjs. */
export function preloadPath(): string {
  return path.join(app.getAppPath(), 'dist', 'preload', 'index.cjs');
}
