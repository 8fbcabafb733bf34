/**
 * What opening a review repairs after a crash or a damaged file, before anything is written:
 * - review.json missing or unreadable while `review.json.bak` (the version before its last write,
 *   see durable-file.ts) is good: the backup is restored (the damaged file is kept beside it as
 *   `review.json.damaged-<time>` for inspection) and the user is told, since the last change to
 *   the review's index (an import, a new reviewer, a template edit) may be missing;
 * - temporary files (`.<name>.<random>.tmp`) left by a process killed in the middle of a write: they
 *   are never read, only clutter, and are removed by the process that holds the writer lock.
 * A process without the lock repairs nothing: it reads the backup in memory and says so.
 */
import { readdirSync, rmSync } from 'node:fs';
import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { EvidentiaError } from '../../../shared/result.js';
import { exists, removeTempFiles, TEMP_FILE, writeFileAtomic } from './atomic.js';
import { backupPathOf } from './durable-file.js';
import { JsonDoc, type DocSpec } from './json-file.js';
import { LOCK_FILE, type ReviewPaths } from './paths.js';

/** Another process may be creating the lock through a temporary file right now (see lock.ts). */
const LOCK_TEMP_GRACE_MS = 60_000;

export interface LoadedReviewFile<T> {
  doc: JsonDoc<T>;
  /** Set when the backup was used: a sentence for the log and the user. */
  notice: string | null;
}

function notAReview(dir: string): EvidentiaError {
  return new EvidentiaError(
    'not-found',
    `${dir} is not an Evidentia review (it has no review.json). Create one with "evidentia init" or open another folder.`,
  );
}

/** True when the folder holds a review, even one whose review.json is gone but whose backup is not. */
export async function looksLikeReview(paths: ReviewPaths): Promise<boolean> {
  return (await exists(paths.reviewFile)) || (await exists(backupPathOf(paths.reviewFile)));
}

/** Load review.json, falling back to (and, when writable, restoring) its backup. */
export async function loadReviewFile<T>(paths: ReviewPaths, spec: DocSpec<T>, writable: boolean): Promise<LoadedReviewFile<T>> {
  const file = paths.reviewFile;
  let damage: EvidentiaError | null = null;
  try {
    const doc = await JsonDoc.load(file, spec);
    if (doc) return { doc, notice: null };
  } catch (error) {
    if (!(error instanceof EvidentiaError && error.code === 'corrupt-file')) throw error;
    damage = error;
  }
  const backupFile = backupPathOf(file);
  const backup = await JsonDoc.load(backupFile, spec).catch(() => null);
  if (backup === null) {
    if (damage) throw damage;
    throw notAReview(paths.dir);
  }
  const savedAt = (await stat(backupFile)).mtime.toISOString();
  const what = damage ? 'was damaged' : 'was missing';
  if (!writable) {
    return {
      doc: JsonDoc.create(file, spec, backup.data),
      notice: `review.json ${what}; showing its last good copy (review.json.bak, saved ${savedAt}) read-only. Open the review where it can be written to restore it.`,
    };
  }
  const aside = `${path.basename(file)}.damaged-${Date.now()}`;
  if (damage) await rename(file, path.join(path.dirname(file), aside));
  await writeFileAtomic(file, await readFile(backupFile));
  const doc = await JsonDoc.load(file, spec);
  if (doc === null) throw notAReview(paths.dir);
  return {
    doc,
    notice:
      `review.json ${what}; it was restored from its last good copy (review.json.bak, saved ${savedAt}). ` +
      'A change to the article list, reviewers or templates made after that time may be missing (the annotation files themselves are untouched).' +
      (damage ? ` The damaged file was kept as ${aside}.` : ''),
  };
}

/** Leftover temporary files of the review folder and its top-level subfolders (not the shard folders). */
export async function removeLeftoverTempFiles(paths: ReviewPaths): Promise<string[]> {
  const removed: string[] = [];
  const keep = (name: string): boolean => name.startsWith(`.${LOCK_FILE}`);
  for (const dir of [paths.dir, paths.articlesDir, paths.filesDir, paths.indexDir]) {
    for (const name of await removeTempFiles(dir, keep)) removed.push(path.relative(paths.dir, path.join(dir, name)));
  }
  // The lock's own temporary files, once surely abandoned.
  for (const name of readdirNamesSync(paths.dir)) {
    if (!name.startsWith(`.${LOCK_FILE}`) || !TEMP_FILE.test(name)) continue;
    const file = path.join(paths.dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > LOCK_TEMP_GRACE_MS) {
      rmSync(file, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * The same for the shard folders (one per annotated article: thousands in a big review), run in the
 * background after opening. Synchronous listing in short slices, like the catalogue check: a
 * thread-pool hop per folder would queue behind the reads the user is waiting for.
 */
export async function removeLeftoverShardTempFiles(paths: ReviewPaths, isCurrent: () => boolean): Promise<string[]> {
  const removed: string[] = [];
  let sliceStarted = performance.now();
  for (const articleId of readdirNamesSync(paths.annotationsDir)) {
    if (performance.now() - sliceStarted > 4) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
      if (!isCurrent()) return removed;
    }
    const dir = path.join(paths.annotationsDir, articleId);
    for (const name of readdirNamesSync(dir)) {
      if (!TEMP_FILE.test(name)) continue;
      rmSync(path.join(dir, name), { force: true });
      removed.push(path.join('annotations', articleId, name));
    }
  }
  return removed;
}

function readdirNamesSync(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
