/**
 * The catalogue on disk (`.index/annotations-v1.json`) and its rebuild from the shard files.
 * A snapshot that is missing, damaged or of another version is simply rebuilt: it is derived data.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { AnnotationFile, ArticleId, ReviewerId } from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { writeFileAtomic } from './atomic.js';
import { CATALOGUE_VERSION, Catalogue, knownOrphans, type CatalogueSnapshot, type ShardStamp } from './catalogue.js';
import { JsonDoc } from './json-file.js';
import type { ReviewPaths } from './paths.js';

/** Files stat'ed or read at once while checking: enough to keep the disk busy, few enough to leave room for the UI's calls. */
const CONCURRENCY = 16;

export async function readCatalogue(paths: ReviewPaths): Promise<Catalogue | null> {
  let text: string;
  try {
    text = await readFile(paths.catalogueFile, 'utf8');
  } catch {
    return null;
  }
  try {
    const snapshot = JSON.parse(text) as CatalogueSnapshot;
    if (snapshot?.schemaVersion !== CATALOGUE_VERSION || !Array.isArray(snapshot.shards)) return null;
    if (!snapshot.shards.every(isRow)) return null;
    return Catalogue.fromSnapshot(snapshot);
  } catch {
    return null; // damaged: rebuilt from the shards
  }
}

function isRow(row: unknown): boolean {
  if (!Array.isArray(row) || row.length !== 7) return false;
  const [articleId, reviewer, count, orphans, size, mtimeMs, ids] = row as unknown[];
  return (
    ArticleId.safeParse(articleId).success &&
    ReviewerId.safeParse(reviewer).success &&
    typeof count === 'number' &&
    (orphans === null || typeof orphans === 'number') &&
    typeof size === 'number' &&
    typeof mtimeMs === 'number' &&
    typeof ids === 'string'
  );
}

export async function writeCatalogue(paths: ReviewPaths, catalogue: Catalogue): Promise<void> {
  await writeFileAtomic(paths.catalogueFile, Buffer.from(JSON.stringify(catalogue.toSnapshot())));
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

/** Run `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

async function shardFilesOf(paths: ReviewPaths, articleId: string): Promise<string[]> {
  try {
    return (await readdir(paths.articleAnnotationsDir(articleId)))
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
  articles: ReadonlyArray<{ id: string; sha256: string }>,
  isCurrent: () => boolean = () => true,
): Promise<CheckResult> {
  const result: CheckResult = { read: 0, dropped: 0 };
  const withFolders = new Set(await readdir(paths.annotationsDir).catch(() => [] as string[]));
  const shaOf = new Map(articles.map((a) => [a.id, a.sha256]));
  await eachLimited(articles, CONCURRENCY, async ({ id, sha256 }) => {
    if (!isCurrent()) return;
    const one = await checkArticleShards(paths, catalogue, id, sha256, withFolders.has(id));
    result.read += one.read;
    result.dropped += one.dropped;
  });
  for (const [articleId] of [...catalogue.shardKeys()]) {
    if (!shaOf.has(articleId)) catalogue.dropArticle(articleId);
  }
  return result;
}

/** The same check for one article's shards (used on demand while the whole check is still running). */
export async function checkArticleShards(paths: ReviewPaths, catalogue: Catalogue, articleId: string, articleSha: string | undefined, hasFolder = true): Promise<CheckResult> {
  const result: CheckResult = { read: 0, dropped: 0 };
  const onDisk = hasFolder ? await shardFilesOf(paths, articleId) : [];
  for (const reviewer of catalogue.reviewersOf(articleId)) {
    if (!onDisk.includes(reviewer)) {
      catalogue.drop(articleId, reviewer);
      result.dropped += 1;
    }
  }
  for (const reviewer of onDisk) {
    const file = paths.annotationShard(articleId, reviewer);
    const generation = catalogue.generation(articleId, reviewer);
    const stamp = await stampOf(file);
    const known = catalogue.stampOf(articleId, reviewer);
    if (!stamp || (known && known.size === stamp.size && known.mtimeMs === stamp.mtimeMs)) continue;
    // A damaged shard stays listed (empty), so opening its article reports the damage as before.
    const doc = await JsonDoc.load(file, { schema: AnnotationFile, migrations: ANNOTATION_FILE_MIGRATIONS }).catch(() => null);
    // A shard the core wrote while this one was being read is already recorded, and newer.
    if (catalogue.generation(articleId, reviewer) !== generation) continue;
    const annotations = doc?.data.annotations ?? [];
    catalogue.record(articleId, reviewer, annotations, stamp, knownOrphans(annotations, articleSha));
    result.read += 1;
  }
  return result;
}
