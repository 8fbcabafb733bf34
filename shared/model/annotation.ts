import { z } from 'zod';
import { AnnotationId, ArticleId, IsoTime, ReviewerId, Sha256 } from './ids.js';
import { FieldValues, TemplateRef } from './template.js';

export const ANNOTATION_FILE_SCHEMA_VERSION = 2;

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** PDF page, as a W3C FragmentSelector conforming to RFC 3778 ("page=3", 1-based). */
export const PageFragmentSelector = z.object({
  type: z.literal('FragmentSelector'),
  conformsTo: z.literal('http://tools.ietf.org/rfc/rfc3778'),
  value: z.string().regex(/^page=[1-9][0-9]*$/),
});
export type PageFragmentSelector = z.infer<typeof PageFragmentSelector>;

export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector, PageFragmentSelector]);
export type Selector = z.infer<typeof Selector>;

export const Target = z.object({
  source: ArticleId,
  /** sha256 of the source file the selectors were made against. */
  sourceHash: Sha256,
  selector: z.array(Selector).min(1),
});
export type Target = z.infer<typeof Target>;

/** The default template and the records made before templates existed. */
export const DEFAULT_TEMPLATE_ID = 'trial-outcomes';
export const DEFAULT_TEMPLATE_REF: TemplateRef = { id: DEFAULT_TEMPLATE_ID, version: 1 };

/** Where an outcome record stands in the team's workflow (the sheet's "status" column). */
export const RecordStatus = z.enum(['in-progress', 'complete', 'verified']);
export type RecordStatus = z.infer<typeof RecordStatus>;
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  'in-progress': 'In progress',
  complete: 'Complete',
  verified: 'Verified',
};

export const Tags = z.array(z.string().trim().min(1).max(100)).max(100);

/**
 * An outcome record: the values of the template's outcome-level fields, keyed by field key, plus
 * the template version they were captured under. Keys of retired or unknown fields are kept.
 */
export const OutcomeBody = z.object({
  type: z.literal('outcome'),
  template: TemplateRef.default(DEFAULT_TEMPLATE_REF),
  fields: FieldValues,
  status: RecordStatus.default('in-progress'),
  tags: Tags.default([]),
});
export type OutcomeBody = z.infer<typeof OutcomeBody>;
/** suggested: proposed by a rule, waiting for a person; confirmed / dismissed: a person decided. */
export const DiscrepancyStatus = z.enum(['suggested', 'confirmed', 'dismissed']);
export type DiscrepancyStatus = z.infer<typeof DiscrepancyStatus>;
export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const DiscrepancyBody = z.object({
  type: z.literal('discrepancy'),
  /** A rule's kind (shared/model/findings.ts DiscrepancyKind) or a reviewer's own word. */
  kind: z.string().max(200).default(''),
  /** The explanation: a rule's sentence, or the reviewer's note. */
  note: z.string().max(10_000).default(''),
  /** Other annotations (in this or other articles) this quote disagrees with. */
  links: z.array(AnnotationId).max(100).default([]),
  /** Tagged by a person: confirmed. Older files have no status: they were tagged by a person. */
  status: DiscrepancyStatus.default('confirmed'),
  severity: Severity.default('medium'),
  /** Why it was dismissed ('' otherwise). */
  reason: z.string().max(2000).default(''),
  /** For rule suggestions: the rule's fingerprint, so a dismissed suggestion is never made again. */
  fingerprint: z.string().max(500).nullable().default(null),
});
export type DiscrepancyBody = z.infer<typeof DiscrepancyBody>;
export const NoteBody = z.object({ type: z.literal('note'), text: z.string().max(10_000) });

export const AnnotationBody = z.discriminatedUnion('type', [OutcomeBody, DiscrepancyBody, NoteBody]);
export type AnnotationBody = z.infer<typeof AnnotationBody>;
export type AnnotationType = AnnotationBody['type'];

export const Annotation = z.object({
  id: AnnotationId,
  articleId: ArticleId,
  reviewer: ReviewerId,
  target: Target,
  body: AnnotationBody,
  created: IsoTime,
  updated: IsoTime,
});
export type Annotation = z.infer<typeof Annotation>;

/** A reviewer's study-level values for one article under one template. */
export const StudyRecord = z.object({
  template: TemplateRef,
  fields: FieldValues,
  updated: IsoTime,
});
export type StudyRecord = z.infer<typeof StudyRecord>;

/** One shard: annotations/<articleId>/<reviewerId>.json */
export const AnnotationFile = z.object({
  schemaVersion: z.literal(ANNOTATION_FILE_SCHEMA_VERSION),
  articleId: ArticleId,
  reviewer: ReviewerId,
  annotations: z.array(Annotation),
  /** At most one per template id. */
  study: z.array(StudyRecord),
});
export type AnnotationFile = z.infer<typeof AnnotationFile>;

/** Where an annotation sits in the article's current text, found at load (never persisted). */
export const Anchor = z.discriminatedUnion('status', [
  z.object({
    /** exact: the stored position still holds the quote; fuzzy: found by quote search. */
    status: z.enum(['exact', 'fuzzy']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    page: z.number().int().positive().nullable(),
  }),
  z.object({ status: z.literal('orphan') }),
]);
export type Anchor = z.infer<typeof Anchor>;

export const AnchoredAnnotation = Annotation.extend({ anchor: Anchor });
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotation>;
