/**
 * Electron main entry (bundled to dist/main/index.js, the package's "main"). Wires the real core into
 * the lifecycle; everything else lives in small modules next to this one.
 */
import { openReview } from '../core/index.js';
import { startApp } from './app.js';

startApp({ openReview });
