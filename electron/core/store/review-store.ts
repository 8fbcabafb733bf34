/**
 * The review folder on disk: review.json (the commit point of every article-level change), article
 * files and per-reviewer annotation shards. Knows nothing of import or export; it reads, validates,
 * caches and writes files, and nothing else.
 */
import { mkdir } from 'node:fs/promises';
import {
  ANNOTATION_FILE_SCHEMA_VERSION,
  Annotation,
  AnnotationFile,
  Article,
  REVIEW_SCHEMA_VERSION,
  ReviewFile,
} from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS, ARTICLE_MIGRATIONS, REVIEW_MIGRATIONS } from '../../../shared/migrations/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import { defaultTemplate } from '../../../shared/templates/default-template.js';
import { stampOf } from './catalogue-file.js';
import { CatalogueKeeper, type KeeperOptions } from './catalogue-keeper.js';
import { backupBeforeMigratedWrite, JsonDoc, type DocSpec } from './json-file.js';
import { loadReviewFile, removeLeftoverShardTempFiles, removeLeftoverTempFiles } from './recover.js';
import { ShardFileAdapter } from './shard-file.js';
import { Lru } from './lru.js';
import { ReviewPaths } from './paths.js';

/** review.json keeps its previous version as review.json.bak, restored at open if needed (recover.ts). */
const REVIEW_SPEC: DocSpec<ReviewFile> = { schema: ReviewFile, migrations: REVIEW_MIGRATIONS, backup: true };
const ARTICLE_SPEC: DocSpec<Article> = { schema: Article, migrations: ARTICLE_MIGRATIONS, compact: true };
const SHARD_SPEC: DocSpec<AnnotationFile> = {
  schema: AnnotationFile,
  migrations: ANNOTATION_FILE_MIGRATIONS,
  compact: true,
  adapter: (file) => new ShardFileAdapter<AnnotationFile>(file),
};

/** Article texts kept in memory at once (see Lru). */
const ARTICLE_CACHE_SIZE = 32;
/**
 * Shards kept in memory at once. A shard averages tens of annotations, so this bounds the cache to
 * roughly a hundred thousand annotations however large the review; the ones being worked on stay.
 */
const SHARD_CACHE_SIZE = 2048;
export type OpenStoreOptions = KeeperOptions;

/** Told after an article file is written or an article is dropped from memory (deleted, merged, failed import). */
export type ArticleEvent = { type: 'written'; article: Article } | { type: 'forgotten'; id: string };

export class ReviewStore {
  /** Derived indexes (full-text search) follow article changes through these listeners. */
  readonly articleListeners = new Set<(event: ArticleEvent) => void>();
  private readonly articles = new Lru<string, Article>(ARTICLE_CACHE_SIZE);
  /** Loaded shards, keyed "articleId/reviewer"; callers keep the doc they hold while they write it. */
  private readonly shards = new Lru<string, JsonDoc<AnnotationFile>>(SHARD_CACHE_SIZE);
  /** Counts, shard reviewers and annotation locations, from the derived catalogue. */
  readonly catalogue: CatalogueKeeper;
  /** article id → its index row's sha256, rebuilt after review.json changes. */
  private shaById: Map<string, string> | null = null;
  /** Article files loaded from an older schema version: backed up before they are first rewritten. */
  private readonly migratedArticles = new Map<string, number>();
  /** What opening repaired, for the user (review.json restored from its backup); empty when nothing was. */
  readonly notices: string[] = [];
  private closing = false;
  /** Removal of temporary files left in the shard folders by a killed writer (background, writable only). */
  private readonly shardTempsRemoved: Promise<unknown>;

  private constructor(
    readonly paths: ReviewPaths,
    private readonly reviewDoc: JsonDoc<ReviewFile>,
    options: OpenStoreOptions,
  ) {
    this.catalogue = new CatalogueKeeper(paths, () => this.review.articles, options);
    const log = options.log ?? (() => {});
    this.shardTempsRemoved = options.writable
      ? removeLeftoverShardTempFiles(paths, () => !this.closing)
          .then((removed) => {
            if (removed.length > 0) log(`removed ${removed.length} temporary file(s) left in the shard folders by an interrupted write`);
          })
          .catch((error: unknown) => log('could not remove the temporary files left in the shard folders', error))
      : Promise.resolve();
  }

  /**
   * Open an existing review; not-found when the folder holds no review.json (nor its backup). The
   * lock holder (`writable`) first repairs what a crash may have left (see recover.ts).
   */
  static async open(dir: string, options: OpenStoreOptions = {}): Promise<ReviewStore> {
    const paths = new ReviewPaths(dir);
    const log = options.log ?? (() => {});
    if (options.writable) {
      const removed = await removeLeftoverTempFiles(paths);
      if (removed.length > 0) log(`removed temporary files left by an interrupted write: ${removed.join(', ')}`);
    }
    const { doc, notice } = await loadReviewFile(paths, REVIEW_SPEC, options.writable === true);
    const store = new ReviewStore(paths, doc, options);
    if (notice) {
      log(notice);
      store.notices.push(notice);
    }
    return store;
  }

  /** Write what is derived and pending; the store is not used after this. */
  async close(): Promise<void> {
    this.closing = true;
    await this.shardTempsRemoved;
    await this.catalogue.close();
  }

  /** Write a new, empty review.json plus its folders. The caller holds the lock. */
  static async create(dir: string, name: string): Promise<void> {
    const paths = new ReviewPaths(dir);
    for (const sub of [paths.articlesDir, paths.annotationsDir, paths.filesDir]) await mkdir(sub, { recursive: true });
    const review: ReviewFile = {
      schemaVersion: REVIEW_SCHEMA_VERSION,
      name,
      created: new Date().toISOString(),
      reviewers: [],
      articles: [],
      templates: [defaultTemplate(new Date().toISOString())],
      duplicates: { pending: [], notDuplicates: [] },
      studies: [],
      notSameStudy: [],
      rejectedSuggestions: [],
    };
    await JsonDoc.create(paths.reviewFile, REVIEW_SPEC, review).save();
  }

  get review(): ReviewFile {
    return this.reviewDoc.data;
  }

  /**
   * Apply `change` to review.json and write it; if the write fails, the in-memory copy is put back
   * so memory never claims what the disk does not hold.
   */
  async updateReview(change: (review: ReviewFile) => void): Promise<void> {
    const before = structuredClone(this.reviewDoc.data);
    change(this.reviewDoc.data);
    this.shaById = null;
    try {
      await this.reviewDoc.save();
    } catch (error) {
      this.reviewDoc.data = before;
      throw error;
    }
    this.revision += 1;
  }

  async readArticle(id: string): Promise<Article> {
    const cached = this.articles.get(id);
    if (cached) return cached;
    const doc = await JsonDoc.load(this.paths.article(id), ARTICLE_SPEC);
    if (doc === null) throw new EvidentiaError('not-found', `No article ${id} in this review.`);
    if (doc.migratedFrom !== null) this.migratedArticles.set(id, doc.migratedFrom);
    this.articles.set(id, doc.data);
    return doc.data;
  }

  async writeArticle(article: Article): Promise<void> {
    await mkdir(this.paths.articlesDir, { recursive: true });
    const migratedFrom = this.migratedArticles.get(article.id);
    if (migratedFrom !== undefined) {
      await backupBeforeMigratedWrite(this.paths.article(article.id), migratedFrom);
      this.migratedArticles.delete(article.id);
    }
    await JsonDoc.create(this.paths.article(article.id), ARTICLE_SPEC, article).save();
    this.articles.set(article.id, article);
    this.emit({ type: 'written', article });
  }

  forgetArticle(id: string): void {
    this.revision += 1;
    this.articles.delete(id);
    for (const reviewer of this.catalogue.knownReviewersOf(id)) this.shards.delete(`${id}/${reviewer}`);
    this.catalogue.articleForgotten(id);
    this.emit({ type: 'forgotten', id });
  }

  private emit(event: ArticleEvent): void {
    for (const listener of this.articleListeners) listener(event);
  }

  /** Reviewer ids that have a shard for this article, sorted (from the catalogue: no readdir). */
  shardReviewers(articleId: string): Promise<string[]> {
    return this.catalogue.shardReviewers(articleId);
  }

  /**
   * An article's shards as stored, without keeping newly read ones in memory (exports stream a
   * whole review through this). Shards already loaded are served from memory: they may hold
   * nothing newer than the disk, since every write goes through them.
   */
  async readShardsUncached(articleId: string): Promise<AnnotationFile[]> {
    const out: AnnotationFile[] = [];
    for (const reviewer of await this.shardReviewers(articleId)) {
      const cached = this.shards.get(`${articleId}/${reviewer}`);
      const doc = cached ?? (await JsonDoc.load(this.paths.annotationShard(articleId, reviewer), SHARD_SPEC, this.catalogue.writtenStampOf(articleId, reviewer)));
      if (doc) out.push(doc.data);
    }
    return out;
  }

  /** A reviewer's shard for an article; with `create`, an empty one (not yet written) if absent. */
  async shard(articleId: string, reviewer: string, create: true): Promise<JsonDoc<AnnotationFile>>;
  async shard(articleId: string, reviewer: string, create?: false): Promise<JsonDoc<AnnotationFile> | null>;
  async shard(articleId: string, reviewer: string, create = false): Promise<JsonDoc<AnnotationFile> | null> {
    const key = `${articleId}/${reviewer}`;
    const cached = this.shards.get(key);
    if (cached) return cached;
    const file = this.paths.annotationShard(articleId, reviewer);
    let doc = await JsonDoc.load(file, SHARD_SPEC, this.catalogue.writtenStampOf(articleId, reviewer));
    if (doc === null) {
      if (!create) return null;
      doc = JsonDoc.create(file, SHARD_SPEC, {
        schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION,
        articleId,
        reviewer,
        annotations: [],
        study: [],
      });
    } else if (doc.data.articleId !== articleId || doc.data.reviewer !== reviewer) {
      throw new EvidentiaError('corrupt-file', `${file} is damaged: it claims to hold ${doc.data.reviewer}'s annotations on ${doc.data.articleId}.`);
    }
    this.shards.set(key, doc);
    return doc;
  }

  /**
   * Write a shard (creating its folder), restoring the previous annotations if the write fails.
   * @param changed the annotations added or edited since `previous`: only they are validated.
   */
  async saveShard(doc: JsonDoc<AnnotationFile>, previous: AnnotationFile['annotations'], changed: readonly Annotation[]): Promise<void> {
    try {
      await this.writeShard(doc, () => {
        for (const annotation of changed) {
          const parsed = Annotation.safeParse(annotation);
          if (!parsed.success) throw new Error(`refusing to write an invalid annotation to ${doc.file}: ${parsed.error.issues[0]?.message ?? ''}`);
        }
      });
    } catch (error) {
      doc.data.annotations = previous;
      throw error;
    }
    this.revision += 1;
  }

  /** Write a shard and record it in the catalogue. */
  private async writeShard(doc: JsonDoc<AnnotationFile>, check?: () => void): Promise<void> {
    const { articleId, reviewer, annotations } = doc.data;
    // The folder exists whenever the catalogue knows a shard of this article: skip the syscall then.
    if (this.catalogue.knownReviewersOf(articleId).length === 0) await mkdir(this.paths.articleAnnotationsDir(articleId), { recursive: true });
    await doc.save(check);
    const stamp = doc.lastWritten ?? (await stampOf(doc.file)) ?? { size: 0, mtimeMs: 0 };
    this.catalogue.shardWritten(articleId, reviewer, annotations, stamp, this.articleSha(articleId));
  }

  private articleSha(articleId: string): string | undefined {
    if (!this.shaById) this.shaById = new Map(this.review.articles.map((row) => [row.id, row.sha256]));
    return this.shaById.get(articleId);
  }

  /**
   * Apply `change` to a shard and write it; if the write fails the shard is put back as it was.
   * The shard is created (empty) when the reviewer has none for this article yet.
   */
  async updateShard(articleId: string, reviewer: string, change: (shard: AnnotationFile) => void): Promise<AnnotationFile> {
    const doc = await this.shard(articleId, reviewer, true);
    const before = structuredClone(doc.data);
    doc.forgetSerialised(); // `change` may edit annotation objects in place
    change(doc.data);
    try {
      await this.writeShard(doc);
    } catch (error) {
      doc.data = before;
      throw error;
    }
    this.revision += 1;
    return doc.data;
  }

  /** Every shard of every indexed article, in library order (loaded through the shard cache). */
  async allShards(): Promise<AnnotationFile[]> {
    const reviewers = await this.catalogue.allShardReviewers();
    const out: AnnotationFile[] = [];
    for (const row of this.review.articles) {
      for (const reviewer of reviewers.get(row.id) ?? []) {
        const doc = await this.shard(row.id, reviewer);
        if (doc) out.push(doc.data);
      }
    }
    return out;
  }

  /**
   * Bumped by every write of review.json or a shard: derived views (the sheet) rebuild when it moves.
   */
  revision = 0;
}
