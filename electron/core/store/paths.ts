/**
 * Where each piece of a review lives inside its folder (see DESIGN.md "Data: a review is a folder").
 * Ids are validated before they become path segments, so no input can point outside the review.
 */
import path from 'node:path';
import { ArticleId, ReviewerId, Sha256 } from '../../../shared/model/index.js';

export const REVIEW_FILE = 'review.json';
export const LOCK_FILE = '.evidentia.lock';
export const ARTICLES_DIR = 'articles';
export const ANNOTATIONS_DIR = 'annotations';
export const FILES_DIR = 'files';
/** Derived data (catalogue, search index): rebuilt when missing, safe to delete. */
export const INDEX_DIR = '.index';

/** File extensions become part of a blob's name: keep them short and plain. */
const EXT = /^[a-z0-9]{1,10}$/;

function checked<T>(schema: { safeParse(v: unknown): { success: boolean } }, value: T, what: string): T {
  if (!schema.safeParse(value).success) throw new Error(`refusing to build a path from an invalid ${what}: ${String(value)}`);
  return value;
}

export class ReviewPaths {
  constructor(readonly dir: string) {}

  get reviewFile(): string {
    return path.join(this.dir, REVIEW_FILE);
  }
  get lockFile(): string {
    return path.join(this.dir, LOCK_FILE);
  }
  get articlesDir(): string {
    return path.join(this.dir, ARTICLES_DIR);
  }
  get annotationsDir(): string {
    return path.join(this.dir, ANNOTATIONS_DIR);
  }
  get filesDir(): string {
    return path.join(this.dir, FILES_DIR);
  }
  get indexDir(): string {
    return path.join(this.dir, INDEX_DIR);
  }
  get catalogueFile(): string {
    return path.join(this.indexDir, 'annotations-v1.json');
  }
  get catalogueIdsFile(): string {
    return path.join(this.indexDir, 'annotation-ids-v1.json');
  }
  article(id: string): string {
    return path.join(this.articlesDir, `${checked(ArticleId, id, 'article id')}.json`);
  }
  articleAnnotationsDir(articleId: string): string {
    return path.join(this.annotationsDir, checked(ArticleId, articleId, 'article id'));
  }
  annotationShard(articleId: string, reviewer: string): string {
    return path.join(this.articleAnnotationsDir(articleId), `${checked(ReviewerId, reviewer, 'reviewer id')}.json`);
  }
  /** Relative path stored in Article.source.storedAs. */
  blobRelative(sha256: string, ext: string): string {
    checked(Sha256, sha256, 'sha256');
    if (!EXT.test(ext)) throw new Error(`refusing to store a file with extension ${JSON.stringify(ext)}`);
    return `${FILES_DIR}/${sha256}.${ext}`;
  }
  /** Absolute path of a stored-as path, refusing anything outside files/. */
  resolveStored(storedAs: string): string {
    const abs = path.resolve(this.dir, storedAs);
    if (path.dirname(abs) !== this.filesDir) throw new Error(`stored file path escapes files/: ${storedAs}`);
    return abs;
  }
}
