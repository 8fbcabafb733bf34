/**
 * The review, article by article in library order, with each article's shards read from disk and
 * dropped once the caller moves on: an export of 500,000 annotations holds a few articles' worth
 * at a time, and never fills the store's shard cache. Files are read a few articles ahead, so the
 * disk works while the caller renders. A shard is parsed here and accepted through the fast check
 * (shard-check.ts); anything it is unsure of is loaded again through the schema and its migrations
 * (JsonDoc.load), which gives the real data or the real corrupt-file error.
 */
import { readFile, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { AnnotationFile, type ArticleIndexEntry } from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import type { ReviewStore } from '../store/review-store.js';
import { JsonDoc, type DocSpec } from '../store/json-file.js';
import { readAhead } from './read-ahead.js';
import { fastShard } from './shard-check.js';

const SHARD_SPEC: DocSpec<AnnotationFile> = { schema: AnnotationFile, migrations: ANNOTATION_FILE_MIGRATIONS };

/** Articles whose shards are read ahead of the one being rendered: enough to keep the disk busy. */
const READ_AHEAD = 8;

export interface ArticleShards {
  article: ArticleIndexEntry;
  /** Sorted by reviewer id. */
  shards: AnnotationFile[];
}

/**
 * The file's bytes, or null. An export worker reads synchronously: nothing else waits on its event
 * loop, and a round trip through the thread pool per file cost more than the read (CSV export of
 * 500,000 annotations: 3.5 s → 2.9 s). The main thread, which serves the UI, reads asynchronously,
 * with fs.readFile's callback (the promise API costs twice the main-thread time per file).
 */
function bytesOf(file: string): Promise<Buffer | null> {
  if (!isMainThread) {
    try {
      return Promise.resolve(readFileSync(file));
    } catch {
      return Promise.resolve(null);
    }
  }
  return new Promise((resolve) => readFile(file, (error, bytes) => resolve(error ? null : bytes)));
}

async function readQuick(file: string): Promise<AnnotationFile | null> {
  const bytes = await bytesOf(file);
  if (bytes === null) return null; // unreadable: the schema path below says why
  try {
    return fastShard(JSON.parse(bytes.toString('utf8')));
  } catch {
    return null; // not JSON: likewise
  }
}

/** A shard file said to hold `reviewer`'s annotations on `articleId`, or null when it is gone. */
export async function readShardFile(file: string, articleId: string, reviewer: string): Promise<AnnotationFile | null> {
  const data = (await readQuick(file)) ?? (await JsonDoc.load(file, SHARD_SPEC))?.data ?? null;
  if (data && (data.articleId !== articleId || data.reviewer !== reviewer)) {
    throw new EvidentiaError('corrupt-file', `${file} is damaged: it claims to hold ${data.reviewer}'s annotations on ${data.articleId}.`);
  }
  return data;
}

/** One reviewer's shard of one article, or null when there is none (any more). */
export function readShard(store: ReviewStore, articleId: string, reviewer: string): Promise<AnnotationFile | null> {
  return readShardFile(store.paths.annotationShard(articleId, reviewer), articleId, reviewer);
}

/** Annotations of these articles according to the store's catalogue: the total progress counts to. */
export async function annotationTotal(store: ReviewStore, articles: readonly ArticleIndexEntry[]): Promise<number> {
  let total = 0;
  for (const row of articles) total += (await store.catalogue.counts(row.id)).annotationCount;
  return total;
}

/** Every shard of one article, by reviewer. */
export async function readArticleShards(store: ReviewStore, articleId: string): Promise<AnnotationFile[]> {
  const reviewers = await store.shardReviewers(articleId);
  const shards = await Promise.all(reviewers.map((reviewer) => readShard(store, articleId, reviewer)));
  return shards.filter((s): s is AnnotationFile => s !== null);
}

/** The library's articles in order with their shards, read READ_AHEAD articles ahead. */
export async function* articlesWithShards(store: ReviewStore, articles: readonly ArticleIndexEntry[] = store.review.articles): AsyncGenerator<ArticleShards> {
  for await (const { item, value } of readAhead(articles, READ_AHEAD, (article) => readArticleShards(store, article.id))) {
    yield { article: item, shards: value };
  }
}
