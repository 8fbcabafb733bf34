/**
 * Opening the review folder named on the command line. The checks here exist to turn the common
 * mistakes (typo in DIR, forgot `init`, review open in the app) into one clear sentence before the
 * core is touched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openReview } from '../core/index.js';
import type { Core } from '../core/types.js';
import { ReviewerId } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { CliError, usageError } from './errors.js';
import { logToStderr } from './log.js';
import { call } from './call.js';

const REVIEW_FILE = 'review.json';

export interface OpenOptions {
  /** Read commands open read-only so they also work while the app (or `serve`) holds the lock. */
  readOnly: boolean;
  reviewer?: string;
}

export async function openExistingReview(dir: string, options: OpenOptions): Promise<Core> {
  const abs = resolve(dir);
  if (!existsSync(abs)) {
    throw new CliError(`no review at ${dir}: the folder does not exist (create one with: evidentia init ${dir})`);
  }
  if (!statSync(abs).isDirectory()) throw new CliError(`${dir} is a file, not a review folder`);
  // A review whose review.json is gone but whose backup is not is restored when opened (store/recover.ts).
  if (!existsSync(join(abs, REVIEW_FILE)) && !existsSync(join(abs, `${REVIEW_FILE}.bak`))) {
    throw new CliError(`${dir} is not an Evidentia review: it has no ${REVIEW_FILE} (create one with: evidentia init ${dir})`);
  }
  const reviewer = options.reviewer === undefined ? undefined : checkReviewer(options.reviewer);
  return open(abs, { readOnly: options.readOnly, ...(reviewer ? { defaultReviewer: reviewer } : {}) });
}

export async function createReview(dir: string, name: string | undefined): Promise<Core> {
  const abs = resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new CliError(`${dir} is a file; choose a new or empty folder`);
    if (existsSync(join(abs, REVIEW_FILE))) throw new CliError(`${dir} is already an Evidentia review`);
    // A review owns its folder; refusing a non-empty one keeps `init ~/Documents` from mixing a
    // review into unrelated files.
    if (readdirSync(abs).length > 0) throw new CliError(`${dir} is not empty; choose a new or empty folder`);
  }
  if (name !== undefined && name.trim() === '') throw usageError('--name must not be empty');
  return open(abs, { create: true, ...(name !== undefined ? { name: name.trim() } : {}) });
}

/** Reviewer ids become file names, so they are checked up front with the model's own schema. */
export function checkReviewer(reviewer: string): string {
  const parsed = ReviewerId.safeParse(reviewer);
  if (!parsed.success) throw usageError(`--reviewer "${reviewer}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

async function open(dir: string, options: Parameters<typeof openReview>[1]): Promise<Core> {
  try {
    return await openReview(dir, { ...options, log: logToStderr });
  } catch (error) {
    if (error instanceof EvidentiaError) throw new CliError(error.message);
    throw error;
  }
}

/** Refuses before any work when another process holds the review's writer lock. */
export async function requireWritable(core: Core): Promise<void> {
  const info = await call(core, 'review.info', {});
  if (info.readOnly) {
    throw new CliError(`the review ${info.dir} is open in another Evidentia process, so it is read-only here; close it there and try again`);
  }
}
