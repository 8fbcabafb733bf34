/**
 * The library's duplicate index during one batch import. Building it prepares every row
 * (normalised titles and names), so rebuilding it for each file costs O(library) per file; instead
 * it follows the batch's own commits and is rebuilt only when review.json changed in any other way.
 */
import { DuplicateIndex } from '../../../shared/duplicates/match.js';
import type { ArticleIndexEntry } from '../../../shared/model/index.js';

/** The part of the review store this reads: review.json in memory and its write counter. */
export interface LibraryState {
  readonly review: { readonly articles: readonly ArticleIndexEntry[] };
  /** Bumped by every write of review.json (and of annotation shards). */
  readonly revision: number;
}

export class BatchDuplicates {
  private index: DuplicateIndex | null = null;
  private revision = -1;
  private rows: readonly ArticleIndexEntry[] | null = null;

  constructor(private readonly store: LibraryState) {}

  current(): DuplicateIndex {
    const { revision, review } = this.store;
    if (!this.index || this.revision !== revision || this.rows !== review.articles) {
      this.index = new DuplicateIndex(review.articles);
      this.revision = revision;
      this.rows = review.articles;
    }
    return this.index;
  }

  /** `row` was appended to the library by one review.json write that started at `revisionBefore`. */
  appended(row: ArticleIndexEntry, revisionBefore: number): void {
    const { revision, review } = this.store;
    if (this.index && this.revision === revisionBefore && revision === revisionBefore + 1 && this.rows === review.articles && review.articles.at(-1) === row) {
      this.index.add(row);
      this.revision = revision;
    } else {
      this.index = null;
    }
  }
}
