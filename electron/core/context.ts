/** What the core's services share: the store, the write guard, settings and the log. */
import type { ExtractDocument } from './import/types.js';
import type { ReviewStore } from './store/review-store.js';

export type Logger = (message: string, error?: unknown) => void;

export interface CoreContext {
  store: ReviewStore;
  log: Logger;
  /** Reviewer used when a call names none. */
  defaultReviewer: string;
  extract: ExtractDocument;
  /** Throws EvidentiaError('read-only', …) unless this core holds the writer lock. */
  assertWritable(): void;
}
