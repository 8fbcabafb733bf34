/**
 * The catalogue on disk (`.index/annotations-v1.json`) and its rebuild from the shard files.
 * A snapshot that is missing, damaged or of another version is simply rebuilt: it is derived data.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AnnotationFile, ReviewerId } from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { writeFileAtomic } from './atomic.js';
import { CATALOGUE_VERSION, Catalogue, type CatalogueIds, type CatalogueSnapshot, type ShardStamp } from './catalogue.js';
import { JsonDoc } from './json-file.js';
import type { ReviewPaths } from './paths.js';

/**
 * The check lists folders and stats files synchronously, in slices of this many milliseconds between
 * which the event loop runs: a directory listing or stat from the page cache takes microseconds, a
 * round trip through libuv's thread pool for each took 1.2 s for a 10k review (and held up every
 * other file call of the core meanwhile). Only shards that changed are read, asynchronously.
 */
const SLICE_MS = 4;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null; // missing or damaged: rebuilt from the shards
  }
}

/** The counts file, or null when missing, damaged or of another version. */
export async function readCatalogue(paths: ReviewPaths): Promise<{ catalogue: Catalogue; generation: string } | null> {
  const snapshot = (await readJson(paths.catalogueFile)) as CatalogueSnapshot | null;
  if (snapshot?.schemaVersion !== CATALOGUE_VERSION || typeof snapshot.generation !== 'string' || !Array.isArray(snapshot.shards)) return null;
  if (!snapshot.shards.every(isRow)) return null;
  return { catalogue: Catalogue.fromSnapshot(snapshot), generation: snapshot.generation };
}

/** The ids file written with the counts of `generation`, or null. */
export async function readCatalogueIds(paths: ReviewPaths, generation: string): Promise<CatalogueIds['ids'] | null> {
  const file = (await readJson(paths.catalogueIdsFile)) as CatalogueIds | null;
  if (file?.schemaVersion !== CATALOGUE_VERSION || file.generation !== generation || typeof file.ids !== 'object' || file.ids === null) return null;
  return Object.values(file.ids).every((v) => typeof v === 'string') ? file.ids : null;
}

// Plain patterns, not the zod schemas: this runs for every shard before the library can be shown.
const ARTICLE_ID = /^[a-f0-9]{16}$/;
const REVIEWER_ID = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

function isRow(row: unknown): boolean {
  if (!Array.isArray(row) || row.length !== 7) return false;
  const [articleId, reviewer, count, orphans, size, mtimeMs, written] = row as unknown[];
  return (
    typeof articleId === 'string' &&
    ARTICLE_ID.test(articleId) &&
    typeof reviewer === 'string' &&
    REVIEWER_ID.test(reviewer) &&
    typeof count === 'number' &&
    (orphans === null || typeof orphans === 'number') &&
    typeof size === 'number' &&
    typeof mtimeMs === 'number' &&
    (written === 0 || written === 1)
  );
}

/** Ids first, counts last: counts naming a generation whose ids never arrived only cost a re-read of the ids. */
export async function writeCatalogue(paths: ReviewPaths, catalogue: Catalogue): Promise<void> {
  const { counts, ids } = catalogue.toSnapshot(randomBytes(8).toString('hex'));
  await writeFileAtomic(paths.catalogueIdsFile, Buffer.from(JSON.stringify(ids)));
  await writeFileAtomic(paths.catalogueFile, Buffer.from(JSON.stringify(counts)));
}

async function stampOf(file: string): Promise<ShardStamp | null> {
  try {
    const info = await stat(file);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

export { stampOf };

function stampNow(file: string): ShardStamp | null {
  try {
    const info = statSync(file);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

function shardFilesOf(paths: ReviewPaths, articleId: string): string[] {
  try {
    return readdirSync(paths.articleAnnotationsDir(articleId))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => ReviewerId.safeParse(id).success);
  } catch {
    return [];
  }
}

export interface CheckResult {
  read: number;
  dropped: number;
}

/**
 * Bring `catalogue` in line with the shard files of the indexed articles: shards whose size or
 * mtime differ from the catalogue's (or that it does not know) are read and recorded; entries whose
 * file is gone are dropped. A shard written meanwhile by the core is left as the core recorded it.
 */
export async function checkCatalogue(
  paths: ReviewPaths,
  catalogue: Catalogue,
  articles: ReadonlyArray<{ id: string }>,
  isCurrent: () => boolean = () => true,
): Promise<CheckResult> {
  const result: CheckResult = { read: 0, dropped: 0 };
  const withFolders = new Set(shardFoldersOf(paths));
  const indexed = new Set(articles.map((a) => a.id));
  let sliceStarted = performance.now();
  for (const { id } of articles) {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await yieldToEventLoop();
      sliceStarted = performance.now();
    }
    if (!isCurrent()) return result;
    const one = await checkArticleShards(paths, catalogue, id, withFolders.has(id));
    result.read += one.read;
    result.dropped += one.dropped;
  }
  for (const [articleId] of [...catalogue.shardKeys()]) {
    if (!indexed.has(articleId)) catalogue.dropArticle(articleId);
  }
  return result;
}

function shardFoldersOf(paths: ReviewPaths): string[] {
  try {
    return readdirSync(paths.annotationsDir);
  } catch {
    return [];
  }
}

/** The same check for one article's shards (used on demand while the whole check is still running). */
export async function checkArticleShards(paths: ReviewPaths, catalogue: Catalogue, articleId: string, hasFolder = true): Promise<CheckResult> {
  const result: CheckResult = { read: 0, dropped: 0 };
  const onDisk = hasFolder ? shardFilesOf(paths, articleId) : [];
  for (const reviewer of catalogue.reviewersOf(articleId)) {
    if (!onDisk.includes(reviewer)) {
      catalogue.drop(articleId, reviewer);
      result.dropped += 1;
    }
  }
  for (const reviewer of onDisk) {
    const file = paths.annotationShard(articleId, reviewer);
    const generation = catalogue.generation(articleId, reviewer);
    const stamp = stampNow(file);
    const known = catalogue.stampOf(articleId, reviewer);
    if (!stamp || (known && known.size === stamp.size && known.mtimeMs === stamp.mtimeMs)) continue;
    // A damaged shard stays listed (empty), so opening its article reports the damage as before.
    const doc = await JsonDoc.load(file, { schema: AnnotationFile, migrations: ANNOTATION_FILE_MIGRATIONS }).catch(() => null);
    // A shard the core wrote while this one was being read is already recorded, and newer.
    if (catalogue.generation(articleId, reviewer) !== generation) continue;
    const annotations = doc?.data.annotations ?? [];
    // A damaged shard's stamp must never vouch for its content (see JsonDoc.load's `validated`).
    // A shard changed outside this app may hold anything: its orphans are known only once anchored.
    catalogue.record(articleId, reviewer, annotations, doc ? stamp : { size: -1, mtimeMs: -1 }, annotations.length === 0 ? 0 : null, false);
    result.read += 1;
  }
  return result;
}
