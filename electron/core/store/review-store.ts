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
import { exists } from './atomic.js';
import { Catalogue, knownOrphans, type ArticleCounts } from './catalogue.js';
import { checkArticleShards, checkCatalogue, readCatalogue, readCatalogueIds, stampOf, writeCatalogue } from './catalogue-file.js';
import { JsonDoc, type DocSpec } from './json-file.js';
import { ShardFileAdapter } from './shard-file.js';
import { Lru } from './lru.js';
import { ReviewPaths } from './paths.js';

const REVIEW_SPEC: DocSpec<ReviewFile> = { schema: ReviewFile, migrations: REVIEW_MIGRATIONS };
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
/** The catalogue snapshot is written after this long without changes (and at close), never during a save. */
const SNAPSHOT_IDLE_MS = 3000;

export interface OpenStoreOptions {
  /** Only the process holding the writer lock writes derived files (the catalogue snapshot). */
  writable?: boolean;
  log?: (message: string, error?: unknown) => void;
}

/** Told after an article file is written or an article is dropped from memory (deleted, merged, failed import). */
export type ArticleEvent = { type: 'written'; article: Article } | { type: 'forgotten'; id: string };

export class ReviewStore {
  /** Derived indexes (full-text search) follow article changes through these listeners. */
  readonly articleListeners = new Set<(event: ArticleEvent) => void>();
  private readonly articles = new Lru<string, Article>(ARTICLE_CACHE_SIZE);
  /** Loaded shards, keyed "articleId/reviewer"; callers keep the doc they hold while they write it. */
  private readonly shards = new Lru<string, JsonDoc<AnnotationFile>>(SHARD_CACHE_SIZE);
  private catalogue = new Catalogue();
  /** Resolves once the catalogue answers: at once from a snapshot, after a full read without one. */
  readonly catalogueReady: Promise<void>;
  /** Resolves once the catalogue has been compared with the shard files (in the background). */
  catalogueChecked: Promise<void> = Promise.resolve();
  private snapshotTimer: NodeJS.Timeout | null = null;
  private savedCatalogueVersion = 0;
  private closed = false;
  /** article id → its index row's sha256, rebuilt after review.json changes. */
  private shaById: Map<string, string> | null = null;

  private constructor(
    readonly paths: ReviewPaths,
    private readonly reviewDoc: JsonDoc<ReviewFile>,
    private readonly options: OpenStoreOptions,
  ) {
    this.catalogueReady = this.loadCatalogue();
  }

  /** Open an existing review; not-found when the folder holds no review.json. */
  static async open(dir: string, options: OpenStoreOptions = {}): Promise<ReviewStore> {
    const paths = new ReviewPaths(dir);
    const doc = await JsonDoc.load(paths.reviewFile, REVIEW_SPEC);
    if (doc === null) {
      throw new EvidentiaError(
        'not-found',
        `${dir} is not an Evidentia review (it has no review.json). Create one with "evidentia init" or open another folder.`,
      );
    }
    return new ReviewStore(paths, doc, options);
  }

  /**
   * A snapshot answers at once and is checked in the background; without one, every shard is read
   * first. While the check runs, an article about to be read is checked on its own first, and id
   * lookups that miss wait for the check: a stale snapshot only ever delays the library's counts.
   */
  private async loadCatalogue(): Promise<void> {
    const loaded = await readCatalogue(this.paths);
    if (loaded) {
      this.catalogue = loaded.catalogue;
      this.idsReady = this.loadIds(loaded.generation);
      this.checking = true;
      this.catalogueChecked = this.checkCatalogue().finally(() => {
        this.checking = false;
      });
      return;
    }
    await this.checkCatalogue();
  }

  private checking = false;
  /** Resolves once every shard's annotation ids are known (lookups by id wait for it). */
  private idsReady: Promise<void> = Promise.resolve();

  /** The ids file of the loaded counts; shards it lacks (or all, if it is stale) are read for their ids. */
  private async loadIds(generation: string): Promise<void> {
    const ids = await readCatalogueIds(this.paths, generation);
    if (ids && this.catalogue.addIds(ids)) return;
    for (const [articleId, reviewer] of [...this.catalogue.shardsWithoutIds()]) {
      if (this.closed) return;
      const generationBefore = this.catalogue.generation(articleId, reviewer);
      const file = this.paths.annotationShard(articleId, reviewer);
      const stamp = await stampOf(file);
      const doc = await JsonDoc.load(file, SHARD_SPEC).catch(() => null);
      if (this.catalogue.generation(articleId, reviewer) !== generationBefore) continue;
      if (!stamp || !doc) this.catalogue.drop(articleId, reviewer);
      else this.catalogue.record(articleId, reviewer, doc.data.annotations, stamp, this.catalogue.orphansOf(articleId, reviewer), false);
    }
    this.scheduleSnapshot();
  }

  private async checkCatalogue(): Promise<void> {
    try {
      const result = await checkCatalogue(this.paths, this.catalogue, this.review.articles, () => !this.closed);
      if (result.read > 0 || result.dropped > 0) this.scheduleSnapshot();
    } catch (error) {
      this.options.log?.('could not check the annotation catalogue against the shard files', error);
    }
  }

  /** Write the catalogue snapshot once writes pause; it is derived, so a failure is only logged. */
  private scheduleSnapshot(): void {
    if (!this.options.writable || this.closed) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.writeSnapshot();
    }, SNAPSHOT_IDLE_MS);
    this.snapshotTimer.unref();
  }

  private async writeSnapshot(): Promise<void> {
    await this.idsReady; // a snapshot is only written whole
    const version = this.catalogue.version;
    if (version === this.savedCatalogueVersion && (await exists(this.paths.catalogueFile))) return;
    try {
      await mkdir(this.paths.indexDir, { recursive: true });
      await writeCatalogue(this.paths, this.catalogue);
      this.savedCatalogueVersion = version;
    } catch (error) {
      this.options.log?.('could not save the annotation catalogue (it will be rebuilt)', error);
    }
  }

  /** Write what is derived and pending; the store is not used after this. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    await this.catalogueReady;
    await this.idsReady;
    if (this.options.writable) await this.writeSnapshot();
    this.closed = true;
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
    this.articles.set(id, doc.data);
    return doc.data;
  }

  async writeArticle(article: Article): Promise<void> {
    await mkdir(this.paths.articlesDir, { recursive: true });
    await JsonDoc.create(this.paths.article(article.id), ARTICLE_SPEC, article).save();
    this.articles.set(article.id, article);
    this.emit({ type: 'written', article });
  }

  forgetArticle(id: string): void {
    this.revision += 1;
    this.articles.delete(id);
    for (const reviewer of this.catalogue.reviewersOf(id)) this.shards.delete(`${id}/${reviewer}`);
    this.catalogue.dropArticle(id);
    this.scheduleSnapshot();
    this.emit({ type: 'forgotten', id });
  }

  private emit(event: ArticleEvent): void {
    for (const listener of this.articleListeners) listener(event);
  }

  /** Reviewer ids that have a shard for this article, sorted (from the catalogue: no readdir). */
  async shardReviewers(articleId: string): Promise<string[]> {
    await this.catalogueReady;
    if (this.checking) await checkArticleShards(this.paths, this.catalogue, articleId);
    return this.catalogue.reviewersOf(articleId);
  }

  /** Ids of indexed articles that have at least one shard. */
  async articlesWithShards(): Promise<Set<string>> {
    await this.catalogueReady;
    await this.catalogueChecked;
    return new Set(this.review.articles.filter((row) => this.catalogue.reviewersOf(row.id).length > 0).map((row) => row.id));
  }

  /** Annotation and orphan counts of an article, from the catalogue. */
  async counts(articleId: string): Promise<ArticleCounts> {
    await this.catalogueReady;
    return this.catalogue.counts(articleId);
  }

  /** After anchoring a shard's annotations: its orphan count, for the library. */
  setOrphans(articleId: string, reviewer: string, orphans: number): void {
    this.catalogue.setOrphans(articleId, reviewer, orphans);
    this.scheduleSnapshot();
  }

  async articlesWithUnknownOrphans(): Promise<string[]> {
    await this.catalogueReady;
    return this.catalogue.articlesWithUnknownOrphans();
  }

  /** Where an annotation is stored, or null (an id the review does not hold). */
  async locate(annotationId: string): Promise<{ articleId: string; reviewer: string } | null> {
    await this.catalogueReady;
    await this.idsReady;
    const found = this.catalogue.locate(annotationId);
    if (found || !this.checking) return found;
    await this.catalogueChecked;
    return this.catalogue.locate(annotationId);
  }

  /** Every annotation id in the review. */
  async annotationIds(): Promise<Set<string>> {
    await this.catalogueReady;
    await this.catalogueChecked;
    await this.idsReady;
    return this.catalogue.allIds();
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
    if (this.catalogue.reviewersOf(articleId).length === 0) await mkdir(this.paths.articleAnnotationsDir(articleId), { recursive: true });
    await doc.save(check);
    const stamp = (await stampOf(doc.file)) ?? { size: 0, mtimeMs: 0 };
    // New annotations are made on the current text and anchor exactly; otherwise the count stands
    // until the annotations service anchors them again (it does after every write).
    const known = knownOrphans(annotations, this.articleSha(articleId));
    this.catalogue.record(articleId, reviewer, annotations, stamp, known ?? this.catalogue.orphansOf(articleId, reviewer), true);
    this.scheduleSnapshot();
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
    await this.catalogueReady;
    await this.catalogueChecked;
    const out: AnnotationFile[] = [];
    for (const row of this.review.articles) {
      for (const reviewer of this.catalogue.reviewersOf(row.id)) {
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
