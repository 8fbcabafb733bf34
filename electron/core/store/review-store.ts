/**
 * The review folder on disk: review.json (the commit point of every article-level change), article
 * files and per-reviewer annotation shards. Knows nothing of import or export; it reads, validates,
 * caches and writes files, and nothing else.
 */
import { mkdir, readdir } from 'node:fs/promises';
import {
  ANNOTATION_FILE_SCHEMA_VERSION,
  AnnotationFile,
  Article,
  ArticleId,
  REVIEW_SCHEMA_VERSION,
  ReviewerId,
  ReviewFile,
} from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS, ARTICLE_MIGRATIONS, REVIEW_MIGRATIONS } from '../../../shared/migrations/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import { defaultTemplate } from '../../../shared/templates/default-template.js';
import { JsonDoc, type DocSpec } from './json-file.js';
import { Lru } from './lru.js';
import { ReviewPaths } from './paths.js';

const REVIEW_SPEC: DocSpec<ReviewFile> = { schema: ReviewFile, migrations: REVIEW_MIGRATIONS };
const ARTICLE_SPEC: DocSpec<Article> = { schema: Article, migrations: ARTICLE_MIGRATIONS };
const SHARD_SPEC: DocSpec<AnnotationFile> = { schema: AnnotationFile, migrations: ANNOTATION_FILE_MIGRATIONS };

/** Article texts kept in memory at once (see Lru). */
const ARTICLE_CACHE_SIZE = 32;

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export class ReviewStore {
  private readonly articles = new Lru<string, Article>(ARTICLE_CACHE_SIZE);
  /** Shards are small and hold the reviewers' work: all loaded ones stay, keyed "articleId/reviewer". */
  private readonly shards = new Map<string, JsonDoc<AnnotationFile>>();

  private constructor(
    readonly paths: ReviewPaths,
    private readonly reviewDoc: JsonDoc<ReviewFile>,
  ) {}

  /** Open an existing review; not-found when the folder holds no review.json. */
  static async open(dir: string): Promise<ReviewStore> {
    const paths = new ReviewPaths(dir);
    const doc = await JsonDoc.load(paths.reviewFile, REVIEW_SPEC);
    if (doc === null) {
      throw new EvidentiaError(
        'not-found',
        `${dir} is not an Evidentia review (it has no review.json). Create one with "evidentia init" or open another folder.`,
      );
    }
    return new ReviewStore(paths, doc);
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
  }

  forgetArticle(id: string): void {
    this.revision += 1;
    this.articles.delete(id);
    for (const key of [...this.shards.keys()]) if (key.startsWith(`${id}/`)) this.shards.delete(key);
  }

  /** Reviewer ids that have a shard for this article, sorted. */
  async shardReviewers(articleId: string): Promise<string[]> {
    const names = await listDir(this.paths.articleAnnotationsDir(articleId));
    return names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -'.json'.length))
      // A stray file a person dropped in the folder is not a shard (and must not become a path).
      .filter((id) => ReviewerId.safeParse(id).success)
      .sort();
  }

  /** Ids of articles that have an annotations folder (cheap: one readdir). */
  async articlesWithAnnotationFolders(): Promise<Set<string>> {
    return new Set((await listDir(this.paths.annotationsDir)).filter((n) => ArticleId.safeParse(n).success));
  }

  /** A reviewer's shard for an article; with `create`, an empty one (not yet written) if absent. */
  async shard(articleId: string, reviewer: string, create: true): Promise<JsonDoc<AnnotationFile>>;
  async shard(articleId: string, reviewer: string, create?: false): Promise<JsonDoc<AnnotationFile> | null>;
  async shard(articleId: string, reviewer: string, create = false): Promise<JsonDoc<AnnotationFile> | null> {
    const key = `${articleId}/${reviewer}`;
    const cached = this.shards.get(key);
    if (cached) return cached;
    const file = this.paths.annotationShard(articleId, reviewer);
    let doc = await JsonDoc.load(file, SHARD_SPEC);
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

  /** Write a shard (creating its folder), restoring the previous annotations if the write fails. */
  async saveShard(doc: JsonDoc<AnnotationFile>, previous: AnnotationFile['annotations']): Promise<void> {
    try {
      await mkdir(this.paths.articleAnnotationsDir(doc.data.articleId), { recursive: true });
      await doc.save();
    } catch (error) {
      doc.data.annotations = previous;
      throw error;
    }
    this.revision += 1;
  }

  /**
   * Apply `change` to a shard and write it; if the write fails the shard is put back as it was.
   * The shard is created (empty) when the reviewer has none for this article yet.
   */
  async updateShard(articleId: string, reviewer: string, change: (shard: AnnotationFile) => void): Promise<AnnotationFile> {
    const doc = await this.shard(articleId, reviewer, true);
    const before = structuredClone(doc.data);
    change(doc.data);
    try {
      await mkdir(this.paths.articleAnnotationsDir(articleId), { recursive: true });
      await doc.save();
    } catch (error) {
      doc.data = before;
      throw error;
    }
    this.revision += 1;
    return doc.data;
  }

  /** Every shard of every indexed article (loaded once, then served from memory). */
  async allShards(): Promise<AnnotationFile[]> {
    const out: AnnotationFile[] = [];
    const withFolders = await this.articlesWithAnnotationFolders();
    for (const row of this.review.articles) {
      if (!withFolders.has(row.id)) continue;
      for (const reviewer of await this.shardReviewers(row.id)) {
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
