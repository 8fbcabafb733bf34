import { z } from 'zod';
import { ArticleId, IsoTime, ReviewerId } from './ids.js';
import { ArticleKind, ArticleMeta } from './article.js';

export const REVIEW_SCHEMA_VERSION = 1;

export const Reviewer = z.object({ id: ReviewerId, name: z.string() });
export type Reviewer = z.infer<typeof Reviewer>;

/** A row of review.json's article index: enough to draw the library without opening article files. */
export const ArticleIndexEntry = ArticleMeta.extend({
  id: ArticleId,
  kind: ArticleKind,
  fileName: z.string(),
  sha256: z.string(),
  importedAt: IsoTime,
  pageCount: z.number().int().nonnegative(),
  noTextLayer: z.boolean(),
});
export type ArticleIndexEntry = z.infer<typeof ArticleIndexEntry>;

/** review.json */
export const ReviewFile = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  name: z.string().min(1),
  created: IsoTime,
  reviewers: z.array(Reviewer),
  articles: z.array(ArticleIndexEntry),
});
export type ReviewFile = z.infer<typeof ReviewFile>;

export const ReviewInfo = z.object({
  name: z.string(),
  /** Absolute folder path of the review. */
  dir: z.string(),
  schemaVersion: z.number().int(),
  /** True when another process holds the writer lock: every write channel answers `read-only`. */
  readOnly: z.boolean(),
  reviewers: z.array(Reviewer),
  /** Reviewer used when a call names none. */
  defaultReviewer: ReviewerId,
  articleCount: z.number().int().nonnegative(),
});
export type ReviewInfo = z.infer<typeof ReviewInfo>;
