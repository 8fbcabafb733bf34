/**
 * The audit log: who changed what, and when. One JSON object per line (NDJSON) in
 * audit/<articleId>/<reviewerId>.ndjson, appended after the change it records has been saved.
 *
 * Line format (AUDIT_ENTRY_SCHEMA_VERSION 1), every line standing alone so that each can be migrated
 * by itself and a torn last line (a crash mid-append) costs that line only:
 *
 *   {"schemaVersion":1,"id":"<uuid>","time":"2024-05-01T10:00:00.000Z","reviewer":"me",
 *    "action":"update","cause":"edit",
 *    "target":{"type":"annotation","articleId":"…","annotationId":"…","owner":"me"},
 *    "before":{…the annotation as it was…},"after":{…as it is now…}}
 *
 * reviewer: the person who made the change (the file is theirs: one writer per file, as for shards).
 * owner: the reviewer whose record was changed. before is null for create/restore, after null for
 * delete. cause says whether a person edited, or undid / redid an earlier change.
 */
import { z } from 'zod';
import { Annotation, StudyRecord } from './annotation.js';
import { AnnotationId, ArticleId, IsoTime, ReviewerId } from './ids.js';
import { TemplateId } from './template.js';

export const AUDIT_ENTRY_SCHEMA_VERSION = 1;

/** restore: a deleted annotation put back as it was (same id), e.g. by undo. */
export const AuditAction = z.enum(['create', 'update', 'delete', 'restore']);
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditCause = z.enum(['edit', 'undo', 'redo']);
export type AuditCause = z.infer<typeof AuditCause>;

export const AnnotationAuditTarget = z.object({
  type: z.literal('annotation'),
  articleId: ArticleId,
  annotationId: AnnotationId,
  owner: ReviewerId,
});
export const StudyAuditTarget = z.object({
  type: z.literal('study'),
  articleId: ArticleId,
  templateId: TemplateId,
  owner: ReviewerId,
});
export type AuditTarget = z.infer<typeof AnnotationAuditTarget> | z.infer<typeof StudyAuditTarget>;

const common = {
  schemaVersion: z.literal(AUDIT_ENTRY_SCHEMA_VERSION),
  id: z.string().min(1).max(100),
  time: IsoTime,
  reviewer: ReviewerId,
  action: AuditAction,
  cause: AuditCause.default('edit'),
};

export const AnnotationAuditEntry = z.object({
  ...common,
  target: AnnotationAuditTarget,
  before: Annotation.nullable(),
  after: Annotation.nullable(),
});
export type AnnotationAuditEntry = z.infer<typeof AnnotationAuditEntry>;

export const StudyAuditEntry = z.object({
  ...common,
  target: StudyAuditTarget,
  before: StudyRecord.nullable(),
  after: StudyRecord.nullable(),
});
export type StudyAuditEntry = z.infer<typeof StudyAuditEntry>;

export const AuditEntry = z.union([AnnotationAuditEntry, StudyAuditEntry]);
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * Newest first by time. The writer keeps its times strictly increasing, so ties only happen between
 * two reviewers' files; sort is stable, so callers pass lines in reverse file order for those.
 */
export function newestFirst(a: AuditEntry, b: AuditEntry): number {
  return a.time > b.time ? -1 : a.time < b.time ? 1 : 0;
}
