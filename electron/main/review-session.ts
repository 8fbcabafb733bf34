/**
 * The review currently open in the app. Switching opens the new review first and closes the old one
 * only when that worked, so a failed switch leaves the user where they were. A review whose writer
 * lock is held by another process opens read-only (the core reports it in review.info).
 */
import path from 'node:path';
import type { ReviewInfo } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Core, OpenReviewOptions } from '../core/types.js';

export type OpenReview = (dir: string, options?: OpenReviewOptions) => Promise<Core>;
export type Log = (message: string, error?: unknown) => void;

export interface OpenedReview {
  core: Core;
  info: ReviewInfo;
}

export class ReviewSession {
  #current: OpenedReview | null = null;
  readonly #openReview: OpenReview;
  readonly #log: Log;

  constructor(openReview: OpenReview, log: Log) {
    this.#openReview = openReview;
    this.#log = log;
  }

  get core(): Core | null {
    return this.#current?.core ?? null;
  }

  get info(): ReviewInfo | null {
    return this.#current?.info ?? null;
  }

  /** Opens `dir` and makes it current. Throws (leaving the current review open) if it cannot. */
  async open(dir: string, options: { create: boolean; name?: string }): Promise<OpenedReview> {
    const target = path.resolve(dir);
    if (this.#current && path.resolve(this.#current.core.dir) === target) return this.#current;
    const core = await this.#openWithFallback(target, options);
    let info: ReviewInfo;
    try {
      info = await core['review.info']({});
    } catch (error) {
      await core.close();
      throw error;
    }
    const previous = this.#current;
    this.#current = { core, info };
    if (previous) await this.#closeQuietly(previous.core);
    return this.#current;
  }

  /** Releases the writer lock. Safe to call twice. */
  async close(): Promise<void> {
    const previous = this.#current;
    this.#current = null;
    if (previous) await this.#closeQuietly(previous.core);
  }

  async #openWithFallback(dir: string, options: { create: boolean; name?: string }): Promise<Core> {
    const common: OpenReviewOptions = { log: this.#log, create: options.create };
    if (options.name !== undefined) common.name = options.name;
    try {
      return await this.#openReview(dir, common);
    } catch (error) {
      // The core may refuse the writer lock outright rather than fall back by itself.
      if (error instanceof EvidentiaError && error.code === 'read-only') {
        return this.#openReview(dir, { ...common, create: false, readOnly: true });
      }
      throw error;
    }
  }

  async #closeQuietly(core: Core): Promise<void> {
    try {
      await core.close();
    } catch (error) {
      this.#log(`closing the review at ${core.dir} failed`, error);
    }
  }
}
