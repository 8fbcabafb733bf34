/**
 * Writes a synthetic review through the core's store classes, as imports and saves would have
 * written it: original files in files/, one article file each, review.json rows, one annotation
 * shard per article × reviewer. Articles go in chunks of 500, in the order the app would write
 * them: a chunk's files first, then its rows in review.json in one write (the import's commit
 * point), then the reviewers' shards (annotations are made after import).
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { indexRowOf } from '../../electron/core/articles.js';
import { packageVersion } from '../../electron/core/import/package-version.js';
import { writeFileAtomic } from '../../electron/core/store/atomic.js';
import { acquireLock } from '../../electron/core/store/lock.js';
import { ReviewPaths } from '../../electron/core/store/paths.js';
import { ReviewStore } from '../../electron/core/store/review-store.js';
import { ARTICLE_SCHEMA_VERSION, type Article, type ArticleIndexEntry, type ArticleMeta } from '../../shared/model/index.js';
import { articleAnnotations } from './bodies.js';
import { makePlan, reviewerSplit, type Plan } from './plan.js';
import { Rng } from './prng.js';
import { risFile } from './ris.js';
import { citationText, fullText, type GeneratedText } from './texts.js';
import { REVIEWERS } from './vocab.js';

export interface GenerateOptions {
  articles: number;
  annotations: number;
  seed: number;
  name?: string;
  /** Progress lines (to stderr in the CLI). */
  log?: (line: string) => void;
}

export interface GenerateSummary {
  articles: number;
  byKind: Record<string, number>;
  annotations: number;
  byType: Record<string, number>;
  byReviewer: Record<string, number>;
  shards: number;
  biggest: { id: string; annotations: number } | null;
  /** Article ids with exactly 200 annotations (the benchmark's open_article uses them). */
  with200: string[];
  /** Ids of every article that has annotations (the benchmark picks save targets from them). */
  annotated: string[];
  /** Made-up words used in very few articles, for search queries with few hits. */
  rareTerms: string[];
  bytes: number;
  files: number;
  seconds: number;
}

/** Bump when the generator's output changes: cached benchmark reviews of another version are made again. */
export const GENERATOR_VERSION = 4;

const CHUNK = 500;
/** Files written at once: enough to keep the disk busy, few enough to keep memory small. */
const PARALLEL = 16;
/** Where the generated review's clock starts: every time in it is derived from this. */
const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const DAY_MS = 86_400_000;
const ARTICLE_TAGS = [['include'], ['exclude'], ['full text screened'], ['include', 'priority'], ['awaiting classification']];

async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}

function metaOf(g: GeneratedText, rng: Rng, citation: boolean): ArticleMeta {
  const s = g.study;
  return {
    title: s.title,
    authors: s.authors,
    journal: s.journal,
    year: s.year,
    doi: s.doi,
    pmid: citation ? s.pmid : null,
    volume: citation ? s.volume : null,
    issue: citation ? s.issue : null,
    page: citation ? s.page : null,
    url: null,
    type: citation ? 'article-journal' : null,
    keywords: citation ? s.keywords : [],
    tags: rng.chance(0.1) ? rng.pick(ARTICLE_TAGS) : [],
  };
}

interface Made {
  index: number;
  article: Article;
  generated: GeneratedText;
  blob: { storedAs: string; bytes: Uint8Array } | null;
}

export async function generateReview(dir: string, options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0) throw new Error(`${dir} is not empty: the generator writes only into a new or empty folder.`);
  const { seed } = options;
  const plan = makePlan(seed, options.articles, options.annotations);
  const paths = new ReviewPaths(path.resolve(dir));
  await ReviewStore.create(paths.dir, options.name ?? `Synthetic review (${options.articles} articles, seed ${seed})`);
  const lock = await acquireLock(paths.lockFile);
  if (!lock.acquired) throw new Error(`${dir} is locked by another process`);
  const summary: GenerateSummary = {
    articles: 0, byKind: {}, annotations: 0, byType: {}, byReviewer: {}, shards: 0, biggest: null,
    with200: [], annotated: [], rareTerms: [], bytes: 0, files: 0, seconds: 0,
  };
  // Not `writable`: derived files (the catalogue snapshot) are left to the first real open.
  const store = await ReviewStore.open(paths.dir);
  try {
    await store.updateReview((review) => {
      // Fixed times, so one seed gives the same review.json.
      review.created = new Date(EPOCH).toISOString();
      for (const t of review.templates) t.updated = review.created;
      review.reviewers = REVIEWERS.map((r) => ({ id: r.id, name: r.name }));
    });
    for (let from = 0; from < options.articles; from += CHUNK) {
      await writeChunk(store, plan, seed, from, Math.min(options.articles, from + CHUNK), summary);
      log(`  ${Math.min(options.articles, from + CHUNK)}/${options.articles} articles, ${summary.annotations} annotations (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await store.close();
    await lock.lock.release();
  }
  const size = await diskUsage(paths.dir);
  summary.bytes = size.bytes;
  summary.files = size.files;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function writeChunk(store: ReviewStore, plan: Plan, seed: number, from: number, to: number, summary: GenerateSummary): Promise<void> {
  const importedAt = new Date(EPOCH + (from / CHUNK) * DAY_MS + 3_600_000).toISOString();
  const made: Made[] = [];
  const records: Made[] = [];
  for (let i = from; i < to; i++) {
    const rng = Rng.of(seed, 0x7e47, i);
    const kind = plan.kinds[i]!;
    const generated = kind === 'citation' ? citationText(rng) : fullText(rng, kind);
    const meta = metaOf(generated, rng, kind === 'citation');
    summary.rareTerms.push(...generated.rareTerms);
    if (kind === 'citation') {
      // The core's record id: a hash of the parsed record, so re-importing the file finds it.
      const id = sha256(new TextEncoder().encode(`citation-record\n${JSON.stringify({ meta: { ...meta, tags: undefined }, abstract: generated.text })}`)).slice(0, 16);
      const article = articleOf(id, 'citation', meta, generated.text, importedAt);
      article.abstract = generated.text;
      article.extraction = { engine: 'citation-js RIS', version: '1' };
      const m = { index: i, article, generated, blob: null };
      made.push(m);
      records.push(m);
      continue;
    }
    const bytes = new TextEncoder().encode(generated.source);
    const hash = sha256(bytes);
    const ext = kind === 'text' ? 'txt' : 'md';
    const article = articleOf(hash.slice(0, 16), kind, meta, generated.text, importedAt);
    const storedAs = store.paths.blobRelative(hash, ext);
    article.source = { fileName: `${slug(meta.title)}.${ext}`, sha256: hash, ext, bytes: bytes.length, storedAs };
    article.extraction = kind === 'text' ? { engine: 'text', version: '1' } : { engine: 'marked', version: packageVersion('marked') };
    made.push({ index: i, article, generated, blob: { storedAs, bytes } });
  }
  if (records.length > 0) {
    // One RIS file per chunk, like one search export holding a few hundred records.
    const bytes = new TextEncoder().encode(risFile(records.map((r) => ({ meta: r.article, abstract: r.generated.text }))));
    const hash = sha256(bytes);
    const storedAs = store.paths.blobRelative(hash, 'ris');
    records.forEach((r, k) => {
      r.article.source = { fileName: `search-${from / CHUNK + 1}.ris`, sha256: hash, ext: 'ris', bytes: bytes.length, storedAs, record: k + 1 };
    });
    await writeFileAtomic(store.paths.resolveStored(storedAs), bytes);
  }
  await runLimited(made, PARALLEL, async (m) => {
    if (m.blob) await writeFileAtomic(store.paths.resolveStored(m.blob.storedAs), m.blob.bytes);
    await store.writeArticle(m.article);
  });
  const rows: ArticleIndexEntry[] = made.map((m) => indexRowOf(m.article));
  await store.updateReview((review) => {
    review.articles.push(...rows);
  });
  await runLimited(made, PARALLEL, async (m) => {
    const count = plan.counts[m.index]!;
    if (count === 0) return;
    const byReviewer = articleAnnotations({
      seed,
      article: m.article,
      articleIndex: m.index,
      facts: m.generated.facts,
      offset: plan.offsets[m.index]!,
      total: plan.total,
      split: reviewerSplit(seed, m.index, count),
    });
    for (const [reviewer, list] of byReviewer) {
      await store.updateShard(m.article.id, reviewer, (shard) => {
        shard.annotations.push(...list);
      });
      summary.shards += 1;
      summary.byReviewer[reviewer] = (summary.byReviewer[reviewer] ?? 0) + list.length;
      for (const a of list) summary.byType[a.body.type] = (summary.byType[a.body.type] ?? 0) + 1;
    }
  });
  for (const m of made) {
    const count = plan.counts[m.index]!;
    summary.articles += 1;
    summary.byKind[m.article.kind] = (summary.byKind[m.article.kind] ?? 0) + 1;
    summary.annotations += count;
    if (count > 0) summary.annotated.push(m.article.id);
    if (plan.fixed.includes(m.index)) summary.with200.push(m.article.id);
    if (count > 0 && (summary.biggest === null || count > summary.biggest.annotations)) summary.biggest = { id: m.article.id, annotations: count };
  }
}

function articleOf(id: string, kind: Article['kind'], meta: ArticleMeta, text: string, importedAt: string): Article {
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    kind,
    ...meta,
    // Filled in by the caller once the stored file is known.
    source: { fileName: '', sha256: '0'.repeat(64), ext: 'txt', bytes: 0, storedAs: '' },
    attachments: [],
    abstract: null,
    text,
    pages: [],
    extraction: { engine: 'text', version: '1' },
    importedAt,
    noTextLayer: false,
  };
}

export async function diskUsage(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await diskUsage(full);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += (await stat(full)).size;
      files += 1;
    }
  }
  return { bytes, files };
}
