/**
 * The restorable JSON export ("evidentia-export", version 2): everything a review holds, so that
 * restoring it into another review gives back the same articles, annotations (same ids, bodies and
 * selectors), study values and templates. Study group status, split pairs and rejected suggestions
 * (review schema 3) were added with defaults, so exports written before them still restore. Built from the model's own schemas, so an export that
 * parses here holds only values the store accepts.
 */
import { z } from 'zod';
import {
  Annotation,
  Article,
  ArticleId,
  DuplicateState,
  IsoTime,
  Reviewer,
  ReviewerId,
  Sha256,
  RejectedSuggestion,
  StudyGroup,
  StudyGroupStatus,
  StudyRecord,
  Template,
} from '../../../shared/model/index.js';

export const EXPORT_FORMAT = 'evidentia-export';
export const EXPORT_VERSION = 2;

/** One reviewer's study-level values for one article under one template. */
export const ExportedStudy = StudyRecord.extend({ articleId: ArticleId, reviewer: ReviewerId });
export type ExportedStudy = z.infer<typeof ExportedStudy>;

/** A stored file (an article's source or attachment), keyed by its sha256 in `files`. */
export const ExportedBlob = z.object({
  ext: z.string().regex(/^[a-z0-9]{1,10}$/),
  base64: z.string(),
});

export const EvidentiaExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported: IsoTime,
  review: z.object({
    name: z.string().min(1),
    reviewers: z.array(Reviewer),
    templates: z.array(Template),
    duplicates: DuplicateState,
    // Exports written before study groups had a status hold groups a person linked.
    studies: z.array(StudyGroup.extend({ status: StudyGroupStatus.default('confirmed'), evidence: StudyGroup.shape.evidence.default(['linked by a person']) })),
    notSameStudy: z.array(z.tuple([ArticleId, ArticleId])).default([]),
    rejectedSuggestions: z.array(RejectedSuggestion).default([]),
  }),
  articles: z.array(Article),
  annotations: z.array(Annotation),
  study: z.array(ExportedStudy),
  files: z.record(Sha256, ExportedBlob),
});
export type EvidentiaExport = z.infer<typeof EvidentiaExport>;
export type EvidentiaExportInput = z.input<typeof EvidentiaExport>;
