/**
 * Which review opens at start: `--review DIR` on the command line, else the one open last (if its
 * folder still exists), else the default review in the user data folder, created on first launch so
 * a new user lands in a working library. Pure, so the rule is unit-tested.
 */
import path from 'node:path';

export const DEFAULT_REVIEW_NAME = 'My review';

export interface ReviewChoice {
  dir: string;
  /** Create the folder and review.json when missing. */
  create: boolean;
  /** Name for a newly created review. */
  name: string;
  source: 'command-line' | 'last-opened' | 'default' | 'menu';
}

export function defaultReviewDir(userData: string): string {
  return path.join(userData, 'reviews', DEFAULT_REVIEW_NAME);
}

/** `--review DIR` or `--review=DIR`, resolved against the working directory. */
export function reviewFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--review') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? path.resolve(cwd, next) : null;
    }
    if (arg.startsWith('--review=') && arg.length > '--review='.length) {
      return path.resolve(cwd, arg.slice('--review='.length));
    }
  }
  return null;
}

export function defaultChoice(userData: string): ReviewChoice {
  return { dir: defaultReviewDir(userData), create: true, name: DEFAULT_REVIEW_NAME, source: 'default' };
}

export function chooseReview(options: {
  argv: readonly string[];
  cwd: string;
  userData: string;
  lastReview: string | undefined;
  exists: (dir: string) => boolean;
}): ReviewChoice {
  const fromArgv = reviewFromArgv(options.argv, options.cwd);
  if (fromArgv !== null) {
    return { dir: fromArgv, create: true, name: path.basename(fromArgv) || DEFAULT_REVIEW_NAME, source: 'command-line' };
  }
  if (options.lastReview && path.isAbsolute(options.lastReview) && options.exists(options.lastReview)) {
    return { dir: options.lastReview, create: false, name: path.basename(options.lastReview), source: 'last-opened' };
  }
  return defaultChoice(options.userData);
}
