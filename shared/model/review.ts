import { z } from 'zod';
import { ArticleId, IsoTime, ReviewerId, Sha256 } from './ids.js';
import { ArticleKind, ArticleMeta } from './article.js';
import { Template } from './template.js';

export const REVIEW_SCHEMA_VERSION = 3;

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
  /** sha256 of every attachment, so a file imported again is recognised wherever it is kept. */
  attachments: z.array(Sha256),
});
export type ArticleIndexEntry = z.infer<typeof ArticleIndexEntry>;

/** Why two records look like the same article (Zotero's rule: identifiers first, then title+year+author). */
export const DuplicateReason = z.enum(['doi', 'pmid', 'title-year-author']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateCandidate = z.object({
  a: ArticleId,
  b: ArticleId,
  reason: DuplicateReason,
  detected: IsoTime,
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicateState = z.object({
  /** Fuzzy matches waiting for a person to decide. */
  pending: z.array(DuplicateCandidate),
  /** Pairs a person said are different articles: never proposed again. Each pair sorted. */
  notDuplicates: z.array(z.tuple([ArticleId, ArticleId])),
});
export type DuplicateState = z.infer<typeof DuplicateState>;

export const StudyGroupId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** suggested: proposed by the study grouping (shared trial id, acronym, DOI, title); confirmed: by a person. */
export const StudyGroupStatus = z.enum(['suggested', 'confirmed']);
export type StudyGroupStatus = z.infer<typeof StudyGroupStatus>;
export const StudyGroup = z.object({
  id: StudyGroupId,
  label: z.string().max(300),
  articleIds: z.array(ArticleId).min(2),
  status: StudyGroupStatus,
  /** Why the articles were grouped ("trial id NCT01234567", "acronym ProDERM", "linked by a person"). */
  evidence: z.array(z.string().max(300)).max(20),
});
export type StudyGroup = z.infer<typeof StudyGroup>;

export const RejectedSuggestion = z.object({
  articleId: ArticleId,
  /** OutcomeSuggestion.key */
  key: z.string().min(1).max(200),
  reviewer: ReviewerId,
  at: IsoTime,
});
export type RejectedSuggestion = z.infer<typeof RejectedSuggestion>;

/** review.json */
export const ReviewFile = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  name: z.string().min(1),
  created: IsoTime,
  reviewers: z.array(Reviewer),
  articles: z.array(ArticleIndexEntry),
  templates: z.array(Template).min(1),
  duplicates: DuplicateState,
  /** Reports of one study, linked rather than merged. */
  studies: z.array(StudyGroup),
  /** Pairs a person split apart: never grouped as one study again. Each pair sorted. */
  notSameStudy: z.array(z.tuple([ArticleId, ArticleId])),
  /** Outcome suggestions a person rejected, so they are not shown again. */
  rejectedSuggestions: z.array(RejectedSuggestion),
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
  /**
   * What opening had to repair that the user should know (e.g. review.json restored from its
   * backup after a crash); shown once per session as a banner. Empty when nothing happened.
   */
  notices: z.array(z.string()).default([]),
});
export type ReviewInfo = z.infer<typeof ReviewInfo>;
