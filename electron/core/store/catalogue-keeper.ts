/**
 * The annotation catalogue's life in a running store (see catalogue.ts for what it holds): loaded
 * from its snapshot or built from the shards, checked against the files in the background, told of
 * every shard write, written when writes pause and at close. Its questions wait for what they need:
 * counts only for the catalogue, id lookups for the ids, whole-review answers for the check.
 */
import { mkdir } from 'node:fs/promises';
import { AnnotationFile, type Annotation } from '../../../shared/model/index.js';
import { ANNOTATION_FILE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { exists } from './atomic.js';
import { Catalogue, knownOrphans, type ArticleCounts, type ShardStamp } from './catalogue.js';
import { checkArticleShards, checkCatalogue, readCatalogue, readCatalogueIds, stampOf, writeCatalogue } from './catalogue-file.js';
import { JsonDoc } from './json-file.js';
import type { ReviewPaths } from './paths.js';

/** The snapshot is written after this long without changes (and at close), never during a save. */
const SNAPSHOT_IDLE_MS = 3000;

export interface KeeperOptions {
  /** Only the process holding the writer lock writes the snapshot. */
  writable?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export class CatalogueKeeper {
  private catalogue = new Catalogue();
  /** Resolves once the catalogue answers: at once from a snapshot, after a full read without one. */
  readonly ready: Promise<void>;
  /** Resolves once the catalogue has been compared with the shard files (in the background). */
  private checked: Promise<void> = Promise.resolve();
  private checking = false;
  /** Resolves once every shard's annotation ids are known. */
  private idsReady: Promise<void> = Promise.resolve();
  private snapshotTimer: NodeJS.Timeout | null = null;
  private savedVersion = 0;
  private closed = false;

  /** @param library the indexed articles now (review.json's rows). */
  constructor(
    private readonly paths: ReviewPaths,
    private readonly library: () => ReadonlyArray<{ id: string; sha256: string }>,
    private readonly options: KeeperOptions,
  ) {
    this.ready = this.load();
  }

  /**
   * A snapshot answers at once and is checked in the background; without one, every shard is read
   * first. While the check runs, an article about to be read is checked on its own first, and id
   * lookups that miss wait for the check: a stale snapshot only ever delays the library's counts.
   */
  private async load(): Promise<void> {
    const loaded = await readCatalogue(this.paths);
    if (!loaded) return this.check();
    this.catalogue = loaded.catalogue;
    this.idsReady = this.loadIds(loaded.generation);
    this.checking = true;
    this.checked = this.check().finally(() => {
      this.checking = false;
    });
  }

  /** The ids file of the loaded counts; shards it lacks (or all, if it is stale) are read for their ids. */
  private async loadIds(generation: string): Promise<void> {
    const ids = await readCatalogueIds(this.paths, generation);
    if (ids && this.catalogue.addIds(ids)) return;
    for (const [articleId, reviewer] of [...this.catalogue.shardsWithoutIds()]) {
      if (this.closed) return;
      const generationBefore = this.catalogue.generation(articleId, reviewer);
      const file = this.paths.annotationShard(articleId, reviewer);
      const stamp = await stampOf(file);
      const doc = await JsonDoc.load(file, { schema: AnnotationFile, migrations: ANNOTATION_FILE_MIGRATIONS }).catch(() => null);
      if (this.catalogue.generation(articleId, reviewer) !== generationBefore) continue;
      if (!stamp || !doc) this.catalogue.drop(articleId, reviewer);
      else this.catalogue.record(articleId, reviewer, doc.data.annotations, stamp, this.catalogue.orphansOf(articleId, reviewer), false);
    }
    this.scheduleSnapshot();
  }

  private async check(): Promise<void> {
    try {
      const result = await checkCatalogue(this.paths, this.catalogue, this.library(), () => !this.closed);
      if (result.read > 0 || result.dropped > 0) this.scheduleSnapshot();
    } catch (error) {
      this.options.log?.('could not check the annotation catalogue against the shard files', error);
    }
  }

  /** Resolves once the catalogue has been loaded and compared with the shard files. */
  async settled(): Promise<void> {
    await this.ready;
    await this.checked;
  }

  /** Reviewer ids that have a shard for this article, sorted (no readdir once checked). */
  async shardReviewers(articleId: string): Promise<string[]> {
    await this.ready;
    if (this.checking) await checkArticleShards(this.paths, this.catalogue, articleId);
    return this.catalogue.reviewersOf(articleId);
  }

  /** Reviewers with a shard as known now (no waiting): for bookkeeping inside the store. */
  knownReviewersOf(articleId: string): string[] {
    return this.catalogue.reviewersOf(articleId);
  }

  /** Every indexed article's shard reviewers, once the check is done. */
  async allShardReviewers(): Promise<Map<string, string[]>> {
    await this.ready;
    await this.checked;
    return new Map(this.library().map((row) => [row.id, this.catalogue.reviewersOf(row.id)]));
  }

  /** Annotation and orphan counts of an article. */
  async counts(articleId: string): Promise<ArticleCounts> {
    await this.ready;
    return this.catalogue.counts(articleId);
  }

  /** After anchoring a shard's annotations: its orphan count, for the library. */
  setOrphans(articleId: string, reviewer: string, orphans: number): void {
    this.catalogue.setOrphans(articleId, reviewer, orphans);
    this.scheduleSnapshot();
  }

  async articlesWithUnknownOrphans(): Promise<string[]> {
    await this.ready;
    return this.catalogue.articlesWithUnknownOrphans();
  }

  /** Where an annotation is stored, or null (an id the review does not hold). */
  async locate(annotationId: string): Promise<{ articleId: string; reviewer: string } | null> {
    await this.ready;
    await this.idsReady;
    const found = this.catalogue.locate(annotationId);
    if (found || !this.checking) return found;
    await this.checked;
    return this.catalogue.locate(annotationId);
  }

  /** Every annotation id in the review. */
  async annotationIds(): Promise<Set<string>> {
    await this.ready;
    await this.checked;
    await this.idsReady;
    return this.catalogue.allIds();
  }

  /** The stamp of a shard this app wrote (its content needs no second check), or null. */
  writtenStampOf(articleId: string, reviewer: string): ShardStamp | null {
    return this.catalogue.writtenStampOf(articleId, reviewer);
  }

  /**
   * A shard this app just wrote. Annotations made on the article's current text anchor exactly;
   * otherwise the orphan count stands until the annotations service anchors them again.
   */
  shardWritten(articleId: string, reviewer: string, annotations: readonly Annotation[], stamp: ShardStamp, articleSha: string | undefined): void {
    const known = knownOrphans(annotations, articleSha);
    this.catalogue.record(articleId, reviewer, annotations, stamp, known ?? this.catalogue.orphansOf(articleId, reviewer), true);
    this.scheduleSnapshot();
  }

  articleForgotten(articleId: string): void {
    this.catalogue.dropArticle(articleId);
    this.scheduleSnapshot();
  }

  /** Write the snapshot once writes pause; it is derived, so a failure is only logged. */
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
    if (version === this.savedVersion && (await exists(this.paths.catalogueFile))) return;
    try {
      await mkdir(this.paths.indexDir, { recursive: true });
      await writeCatalogue(this.paths, this.catalogue);
      this.savedVersion = version;
    } catch (error) {
      this.options.log?.('could not save the annotation catalogue (it will be rebuilt)', error);
    }
  }

  /** Write the pending snapshot; nothing is recorded after this. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    await this.ready;
    await this.idsReady;
    if (this.options.writable) await this.writeSnapshot();
    this.closed = true;
  }
}
