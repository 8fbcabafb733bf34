/**
 * The annotation catalogue: for every shard file, how many annotations it holds, how many of them
 * are orphans, their ids, and the file's size and mtime when last read or written. With it the
 * library's counts, "which reviewers have a shard here" and "where is annotation X" are answered
 * from memory, so a review of 500,000 annotations never reads every shard to open or to save.
 *
 * Derived data: the shards stay the truth. It is kept in `.index/` and rebuilt from the shards when
 * missing, damaged or of another version; a loaded copy is checked against the files' sizes and
 * mtimes in the background (a crash between a shard write and the next snapshot, or a teammate's
 * shard arriving through a sync tool, is found that way and re-read).
 */
import type { Annotation } from '../../../shared/model/index.js';

export interface ShardStamp {
  size: number;
  mtimeMs: number;
}

interface ShardEntry extends ShardStamp {
  count: number;
  /** null until the shard's annotations have been anchored (only when some may not anchor exactly). */
  orphans: number | null;
  /** null while the ids are not loaded (they are read after the counts, see catalogue-file.ts). */
  ids: string[] | null;
  /**
   * The stamp is of a file this app wrote from validated data, so a file still bearing it holds
   * data in its validated form (defaults filled in) and needs no second check. A file read from
   * disk as it came (older files, a teammate's) is not: reading it again validates it again.
   */
  written: boolean;
}

export interface ArticleCounts {
  annotationCount: number;
  orphanCount: number;
}

/** One row per shard: article, reviewer, count, orphans, size, mtime, written (1) or read (0). */
export type SnapshotRow = [string, string, number, number | null, number, number, 0 | 1];

export const CATALOGUE_VERSION = 1;

/**
 * Two files: the counts (small, read before the library is shown) and the ids (large, read in the
 * background); `generation` ties them together, so ids written by another save are never trusted.
 */
export interface CatalogueSnapshot {
  schemaVersion: typeof CATALOGUE_VERSION;
  generation: string;
  shards: SnapshotRow[];
}

export interface CatalogueIds {
  schemaVersion: typeof CATALOGUE_VERSION;
  generation: string;
  /** "articleId/reviewer" → the shard's annotation ids joined by spaces. */
  ids: Record<string, string>;
}

const key = (articleId: string, reviewer: string) => `${articleId}/${reviewer}`;

/**
 * Orphans known without anchoring: an annotation made on this very file (same hash) was described
 * from the same text, so its position selector still matches; others must be anchored to know.
 */
export function knownOrphans(annotations: readonly Annotation[], articleSha: string | undefined): number | null {
  return annotations.every((a) => a.target.sourceHash === articleSha) ? 0 : null;
}

export class Catalogue {
  private readonly shards = new Map<string, ShardEntry>();
  /** articleId → reviewers with a shard, for lookups without a readdir. */
  private readonly reviewers = new Map<string, Set<string>>();
  /** annotation id → shard key; built on first need (most sessions only read). */
  private byId: Map<string, string> | null = null;
  /** Bumped per shard on every record, so a background check never overwrites a newer write. */
  private readonly generations = new Map<string, number>();
  /** Moves on every change; the snapshot writer compares it with what it last wrote. */
  version = 0;

  static fromSnapshot(snapshot: CatalogueSnapshot): Catalogue {
    const catalogue = new Catalogue();
    for (const [articleId, reviewer, count, orphans, size, mtimeMs, written] of snapshot.shards) {
      catalogue.put(articleId, reviewer, { count, orphans, size, mtimeMs, ids: null, written: written === 1 });
    }
    catalogue.version = 0;
    return catalogue;
  }

  /**
   * The ids of the snapshot's shards. Shards recorded since (with their own ids) are kept; false
   * when some shard's ids are still unknown after this (the caller reads those shards).
   */
  addIds(ids: CatalogueIds['ids']): boolean {
    let complete = true;
    for (const [k, e] of this.shards) {
      if (e.ids !== null) continue;
      const joined = ids[k];
      if (joined === undefined) complete = false;
      else e.ids = joined === '' ? [] : joined.split(' ');
    }
    this.byId = null;
    return complete;
  }

  /** Shards whose ids are not known (a snapshot without its ids file). */
  *shardsWithoutIds(): Iterable<[string, string]> {
    for (const [k, e] of this.shards) {
      if (e.ids === null) {
        const slash = k.indexOf('/');
        yield [k.slice(0, slash), k.slice(slash + 1)];
      }
    }
  }

  get idsKnown(): boolean {
    for (const e of this.shards.values()) if (e.ids === null) return false;
    return true;
  }

  toSnapshot(generation: string): { counts: CatalogueSnapshot; ids: CatalogueIds } {
    const shards: SnapshotRow[] = [];
    const ids: Record<string, string> = {};
    for (const [k, e] of this.shards) {
      const slash = k.indexOf('/');
      shards.push([k.slice(0, slash), k.slice(slash + 1), e.count, e.orphans, e.size, e.mtimeMs, e.written ? 1 : 0]);
      if (e.ids !== null) ids[k] = e.ids.join(' ');
    }
    return { counts: { schemaVersion: CATALOGUE_VERSION, generation, shards }, ids: { schemaVersion: CATALOGUE_VERSION, generation, ids } };
  }

  /** A shard as just read (`written` false) or written by this app (true). */
  record(articleId: string, reviewer: string, annotations: readonly Annotation[], stamp: ShardStamp, orphans: number | null, written: boolean): void {
    this.put(articleId, reviewer, { count: annotations.length, orphans, ids: annotations.map((a) => a.id), ...stamp, written });
  }

  /** The orphans of a shard, once its annotations were anchored. */
  setOrphans(articleId: string, reviewer: string, orphans: number): void {
    const entry = this.shards.get(key(articleId, reviewer));
    if (entry && entry.orphans !== orphans) {
      entry.orphans = orphans;
      this.version += 1;
    }
  }

  dropArticle(articleId: string): void {
    for (const reviewer of this.reviewers.get(articleId) ?? []) this.drop(articleId, reviewer);
  }

  drop(articleId: string, reviewer: string): void {
    const k = key(articleId, reviewer);
    const entry = this.shards.get(k);
    if (!entry) return;
    if (this.byId) for (const id of entry.ids ?? []) if (this.byId.get(id) === k) this.byId.delete(id);
    this.shards.delete(k);
    this.generations.set(k, (this.generations.get(k) ?? 0) + 1);
    const set = this.reviewers.get(articleId);
    set?.delete(reviewer);
    if (set?.size === 0) this.reviewers.delete(articleId);
    this.version += 1;
  }

  reviewersOf(articleId: string): string[] {
    return [...(this.reviewers.get(articleId) ?? [])].sort();
  }

  has(articleId: string, reviewer: string): boolean {
    return this.shards.has(key(articleId, reviewer));
  }

  orphansOf(articleId: string, reviewer: string): number | null {
    return this.shards.get(key(articleId, reviewer))?.orphans ?? null;
  }

  stampOf(articleId: string, reviewer: string): ShardStamp | null {
    return this.shards.get(key(articleId, reviewer)) ?? null;
  }

  /** The stamp of a shard this app wrote (see ShardEntry.written), or null. */
  writtenStampOf(articleId: string, reviewer: string): ShardStamp | null {
    const entry = this.shards.get(key(articleId, reviewer));
    return entry?.written ? entry : null;
  }

  generation(articleId: string, reviewer: string): number {
    return this.generations.get(key(articleId, reviewer)) ?? 0;
  }

  /** Every shard the catalogue knows, as [articleId, reviewer]. */
  *shardKeys(): Iterable<[string, string]> {
    for (const k of this.shards.keys()) {
      const slash = k.indexOf('/');
      yield [k.slice(0, slash), k.slice(slash + 1)];
    }
  }

  counts(articleId: string): ArticleCounts {
    let annotationCount = 0;
    let orphanCount = 0;
    for (const reviewer of this.reviewers.get(articleId) ?? []) {
      const entry = this.shards.get(key(articleId, reviewer))!;
      annotationCount += entry.count;
      orphanCount += entry.orphans ?? 0;
    }
    return { annotationCount, orphanCount };
  }

  /** Articles with a shard whose orphans are not known yet. */
  articlesWithUnknownOrphans(): string[] {
    const out = new Set<string>();
    for (const [k, e] of this.shards) if (e.orphans === null) out.add(k.slice(0, k.indexOf('/')));
    return [...out];
  }

  /** Where an annotation is stored, or null. */
  locate(id: string): { articleId: string; reviewer: string } | null {
    const k = this.idIndex().get(id);
    if (k === undefined) return null;
    const slash = k.indexOf('/');
    return { articleId: k.slice(0, slash), reviewer: k.slice(slash + 1) };
  }

  hasAnnotation(id: string): boolean {
    return this.idIndex().has(id);
  }

  /** Every annotation id in the review. */
  allIds(): Set<string> {
    return new Set(this.idIndex().keys());
  }

  get annotationCount(): number {
    let n = 0;
    for (const e of this.shards.values()) n += e.count;
    return n;
  }

  /** Callers make sure the ids are known first (ReviewStore awaits them). */
  private idIndex(): Map<string, string> {
    if (!this.byId) {
      const map = new Map<string, string>();
      for (const [k, e] of this.shards) for (const id of e.ids ?? []) map.set(id, k);
      this.byId = map;
    }
    return this.byId;
  }

  private put(articleId: string, reviewer: string, entry: ShardEntry): void {
    const k = key(articleId, reviewer);
    const previous = this.shards.get(k);
    if (this.byId) {
      if (previous) for (const id of previous.ids ?? []) if (this.byId.get(id) === k) this.byId.delete(id);
      for (const id of entry.ids ?? []) this.byId.set(id, k);
    }
    this.shards.set(k, entry);
    let set = this.reviewers.get(articleId);
    if (!set) this.reviewers.set(articleId, (set = new Set()));
    set.add(reviewer);
    this.generations.set(k, (this.generations.get(k) ?? 0) + 1);
    this.version += 1;
  }
}
