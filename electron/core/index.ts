/**
 * The core's public face for the shells (Electron main, CLI, HTTP bridge): open a review folder and
 * get a Core that implements every contract channel. Plain Node; never imports `electron`.
 */
import { extractDocument, shutdownExtractors } from './import/index.js';
import { openReviewWith } from './open.js';
import { ReviewPaths } from './store/paths.js';
import { exists } from './store/atomic.js';
import type { Core, OpenReviewOptions } from './types.js';

export type { Core, ImportPathsOptions, OpenReviewOptions, StoredFile } from './types.js';

/** Open (or with create: true, create) the review in `dir`. See OpenReviewOptions. */
export function openReview(dir: string, options: OpenReviewOptions = {}): Promise<Core> {
  return openReviewWith(dir, options, { extractDocument, shutdownExtractors });
}

/** True when `dir` holds a review (a review.json), without opening or locking it. */
export function reviewExists(dir: string): Promise<boolean> {
  return exists(new ReviewPaths(dir).reviewFile);
}
