/**
 * Every channel between the UI and the core, declared once. The Electron IPC register, the preload,
 * the HTTP bridge and the renderer's api module are all generated from this table.
 */
import { z } from 'zod';
import {
  AnchoredAnnotation,
  AnnotationBody,
  AnnotationId,
  Article,
  ArticleId,
  ArticleSummary,
  Annotation,
  AuditCause,
  AuditEntry,
  CheckReport,
  DiscrepancyItem,
  OutcomeSuggestion,
  Severity,
  DuplicateReason,
  FieldValue,
  FieldValues,
  ForestPlot,
  ForestQuery,
  ReviewerId,
  ReviewInfo,
  SheetEdit,
  SheetFacets,
  SheetPage,
  SheetQuery,
  SearchQuery,
  SearchResult,
  SheetRecordRow,
  StudyGroup,
  StudyGroupId,
  StudyRecord,
  Tags,
  Template,
  TemplateId,
} from './model/index.js';
import { ErrorInfo } from './result.js';

/** 300 MB of file as base64; larger files are refused before they cross the boundary. */
export const MAX_IMPORT_BASE64_CHARS = 400_000_000;

/** A file handed over by the UI (file picker or drag-and-drop): name plus bytes as base64. */
export const ImportFileData = z.object({
  fileName: z.string().min(1).max(1024),
  base64: z.string().max(MAX_IMPORT_BASE64_CHARS),
});
export type ImportFileData = z.infer<typeof ImportFileData>;

/**
 * imported: a new article. duplicate: this exact file is already in the review. merged: a record
 * whose DOI or PMID matched an existing article was merged into it. attached: a PDF became the full
 * text (or an attachment) of an existing record. failed: nothing was written for it.
 */
export const ImportStatus = z.enum(['imported', 'duplicate', 'merged', 'attached', 'failed']);
export const ImportOutcome = z.object({
  /** The file name (UI) or the path (CLI) as the caller gave it. */
  source: z.string(),
  /** For a record of a citation file: its 1-based number in the file; otherwise null. */
  record: z.number().int().positive().nullable().default(null),
  status: ImportStatus,
  /** The article this file or record is now part of (null when failed). */
  articleId: ArticleId.nullable(),
  title: z.string().nullable(),
  /** Set for failed: e.g. { code: 'needs-password', message: '…' }. */
  error: ErrorInfo.nullable(),
  /** Existing articles this one may duplicate (title + year + author): queued for a person to decide. */
  possibleDuplicates: z.array(ArticleId).default([]),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;
export const ImportReport = z.object({ results: z.array(ImportOutcome) });
export type ImportReport = z.infer<typeof ImportReport>;

/** Where the new annotation is: a span of the article's text. The core builds the W3C selectors. */
export const NewAnnotation = z.object({
  articleId: ArticleId,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The selected text as the UI saw it; the core refuses the call if the span does not hold it. */
  exact: z.string().min(1).max(100_000),
  body: AnnotationBody,
  reviewer: ReviewerId.optional(),
});
export type NewAnnotation = z.infer<typeof NewAnnotation>;

/** report-*: the fact-check report of the discrepancies (readable Markdown / HTML, W3C annotations "assessing"). */
export const ExportFormat = z.enum(['csv', 'xlsx', 'json', 'jsonld', 'ris', 'bibtex', 'revman', 'report-md', 'report-html', 'report-jsonld']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportRequest = z.object({ format: ExportFormat, templateId: TemplateId.optional() }).strict();
export type ExportRequest = z.infer<typeof ExportRequest>;
/** Text formats travel as utf8, binary ones (xlsx) as base64. */
export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const JobStatus = z.object({
  jobId: JobId,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Units done and total (e.g. rows), for a progress bar; total 0 while unknown. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** What is happening now, e.g. "Writing sheet Outcomes". */
  label: z.string(),
  error: ErrorInfo.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** Bibliographic fields a person may edit on an article. */
export const ArticleChanges = z
  .object({
    title: z.string().trim().min(1).max(2000),
    authors: z.array(z.string().trim().min(1).max(300)).max(500),
    journal: z.string().max(500).nullable(),
    year: z.number().int().min(1000).max(3000).nullable(),
    doi: z.string().max(300).nullable(),
    pmid: z.string().max(30).nullable(),
    volume: z.string().max(100).nullable(),
    issue: z.string().max(100).nullable(),
    page: z.string().max(100).nullable(),
    url: z.string().max(2000).nullable(),
    tags: Tags,
  })
  .partial()
  .strict();
export type ArticleChanges = z.infer<typeof ArticleChanges>;

export const DuplicatePair = z.object({
  a: ArticleSummary,
  b: ArticleSummary,
  reason: DuplicateReason,
  detected: z.string(),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

/** merge: one article (keep) absorbs the other; not-duplicate: remembered; same-study: linked as reports of one study. */
export const DuplicateResolution = z
  .object({
    a: ArticleId,
    b: ArticleId,
    action: z.enum(['merge', 'not-duplicate', 'same-study']),
    /** For merge: the article that stays (default a). */
    keep: ArticleId.optional(),
  })
  .strict();
export type DuplicateResolution = z.infer<typeof DuplicateResolution>;

export const StudyValues = StudyRecord.extend({ reviewer: ReviewerId });
export type StudyValues = z.infer<typeof StudyValues>;

/**
 * A person's decision on a discrepancy (all its linked annotations at once): confirm it, dismiss it
 * with a reason, put it back to suggested, or edit its kind, explanation and severity.
 */
export const DiscrepancyReview = z
  .object({
    id: AnnotationId,
    action: z.enum(['confirm', 'dismiss', 'reopen', 'edit']),
    reason: z.string().trim().max(2000).optional(),
    kind: z.string().trim().max(200).optional(),
    note: z.string().max(10_000).optional(),
    severity: Severity.optional(),
  })
  .strict()
  .refine((r) => r.action !== 'dismiss' || (r.reason ?? '') !== '', { message: 'a dismissal needs a reason', path: ['reason'] });
export type DiscrepancyReview = z.infer<typeof DiscrepancyReview>;

/**
 * confirm: a suggested group becomes a person's; split: the article leaves the group and is never
 * grouped with its other members again; join: two groups become one (confirmed); create: a person
 * groups articles by hand.
 */
export const StudyGroupChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), groupId: StudyGroupId }).strict(),
  z.object({ action: z.literal('split'), groupId: StudyGroupId, articleId: ArticleId }).strict(),
  z.object({ action: z.literal('join'), groupId: StudyGroupId, otherGroupId: StudyGroupId }).strict(),
  z.object({ action: z.literal('create'), articleIds: z.array(ArticleId).min(2).max(1000), label: z.string().trim().max(300).optional() }).strict(),
]);
export type StudyGroupChange = z.infer<typeof StudyGroupChange>;

const none = z.object({}).strict();

/**
 * Undo and redo go through the ordinary write channels, saying so (cause, kept in the audit log)
 * and naming the state they expect to find: the annotation's `updated` stamp, or the cell's value.
 * A change made since is never overwritten; the call is refused with a message saying so.
 */
const ChangeOptions = { cause: AuditCause.optional(), expectedUpdated: z.string().datetime({ offset: true }).optional() };

export const SheetEditInput = SheetEdit.extend({ expected: FieldValue.optional(), cause: AuditCause.optional() }).strict();
export type SheetEditInput = z.infer<typeof SheetEditInput>;
/** The edited row, plus what the cell held before (for "tags": the record's own tags), so the UI can undo. */
export const SheetEditOutput = SheetRecordRow.extend({ previous: FieldValue });

/** History of one annotation (newest first), or of everything about one article when only articleId is given. */
export const AuditQuery = z
  .object({ annotationId: AnnotationId.optional(), articleId: ArticleId.optional(), limit: z.number().int().positive().max(10_000).default(500) })
  .strict()
  .refine((q) => q.annotationId !== undefined || q.articleId !== undefined, { message: 'name an annotationId or an articleId' });

export const contract = {
  'review.info': { input: none, output: ReviewInfo },
  'articles.list': { input: none, output: z.array(ArticleSummary) },
  'articles.get': { input: z.object({ id: ArticleId }).strict(), output: Article },
  'articles.import': {
    input: z
      .object({
        files: z.array(ImportFileData).min(1).max(1000),
        reviewer: ReviewerId.optional(),
        /** Tried on every encrypted PDF of this call. */
        password: z.string().max(1024).optional(),
      })
      .strict(),
    output: ImportReport,
  },
  'articles.delete': { input: z.object({ id: ArticleId }).strict(), output: z.object({ id: ArticleId }) },
  'articles.update': { input: z.object({ id: ArticleId, changes: ArticleChanges }).strict(), output: ArticleSummary },
  /** Attach a file (drag-and-drop onto a record): a PDF becomes the record's full text if it has none. */
  'articles.attach': {
    input: z.object({ id: ArticleId, file: ImportFileData, password: z.string().max(1024).optional() }).strict(),
    output: ImportOutcome,
  },
  'annotations.list': {
    input: z.object({ articleId: ArticleId.optional() }).strict(),
    output: z.array(AnchoredAnnotation),
  },
  'annotations.create': { input: NewAnnotation.strict(), output: AnchoredAnnotation },
  'annotations.update': {
    input: z.object({ id: AnnotationId, body: AnnotationBody, ...ChangeOptions }).strict(),
    output: AnchoredAnnotation,
  },
  'annotations.delete': { input: z.object({ id: AnnotationId, ...ChangeOptions }).strict(), output: z.object({ id: AnnotationId }) },
  /** Put a deleted annotation back exactly as it was, same id (undo of a delete, redo of a create). */
  'annotations.restore': { input: z.object({ annotation: Annotation, cause: AuditCause.optional() }).strict(), output: AnchoredAnnotation },
  /** The audit log: who changed what and when, with the values before and after, newest first. */
  'audit.list': { input: AuditQuery, output: z.array(AuditEntry) },
  'export.run': { input: ExportRequest, output: ExportFile },
  /** Start an export in the background; follow it with jobs.status, fetch it with jobs.result. */
  'export.start': { input: ExportRequest, output: z.object({ jobId: JobId }) },
  'jobs.status': { input: z.object({ jobId: JobId }).strict(), output: JobStatus },
  'jobs.result': { input: z.object({ jobId: JobId }).strict(), output: ExportFile },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: JobStatus },
  'templates.list': { input: none, output: z.array(Template) },
  /** Save a new version. Fields left out of it are kept as retired, never dropped. */
  'templates.save': { input: z.object({ template: Template.omit({ version: true, updated: true }) }).strict(), output: Template },
  'templates.create': {
    input: z.object({ name: z.string().trim().min(1).max(200), copyOf: TemplateId.optional() }).strict(),
    output: Template,
  },
  'study.get': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(StudyValues) },
  'study.save': {
    input: z.object({ articleId: ArticleId, templateId: TemplateId, fields: FieldValues, reviewer: ReviewerId.optional() }).strict(),
    output: StudyValues,
  },
  'sheet.query': { input: SheetQuery, output: SheetPage },
  'sheet.facets': { input: z.object({ templateId: TemplateId.optional() }).strict(), output: SheetFacets },
  'sheet.edit': { input: SheetEditInput, output: SheetEditOutput },
  'duplicates.list': { input: none, output: z.array(DuplicatePair) },
  'duplicates.resolve': { input: DuplicateResolution, output: z.object({ kept: ArticleId.nullable() }) },
  'studies.list': { input: none, output: z.array(StudyGroup) },
  'forest.plot': { input: ForestQuery, output: ForestPlot },
  /** Study groups: confirm, split, join, create. Returns every group after the change. */
  'studies.update': { input: StudyGroupChange, output: z.array(StudyGroup) },
  /** The outcome finder's suggestions for one article, minus rejected ones and spans already tagged. */
  'suggestions.list': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(OutcomeSuggestion) },
  /** Turn a suggestion into an outcome record (values pre-filled from it), to be edited like any other. */
  'suggestions.accept': {
    input: z.object({ articleId: ArticleId, key: z.string().min(1).max(200), reviewer: ReviewerId.optional() }).strict(),
    output: AnchoredAnnotation,
  },
  /** Remember that a person rejected a suggestion: it is not shown again. */
  'suggestions.reject': {
    input: z.object({ articleId: ArticleId, key: z.string().min(1).max(200), reviewer: ReviewerId.optional() }).strict(),
    output: z.object({ key: z.string() }),
  },
  /**
   * Run the finders on every article: outcome suggestions, study grouping, discrepancy rules. With
   * store (default), new suggested study groups and discrepancies are saved for the board.
   */
  'checks.run': { input: z.object({ store: z.boolean().default(true) }).strict(), output: CheckReport },
  /** Every discrepancy (suggested, confirmed, dismissed; by rules or by hand) as the board shows it. */
  'discrepancies.list': { input: none, output: z.array(DiscrepancyItem) },
  'discrepancies.review': { input: DiscrepancyReview, output: DiscrepancyItem },
  /** Full-text search over every article's text and bibliographic fields, best matches first. */
  'search.query': { input: SearchQuery, output: SearchResult },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What the core implements: one async handler per channel, receiving already-validated input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/**
 * The core as direct callers (CLI, tests) see it: raw input like the UI's, parsed again inside, so
 * defaults (an outcome's template, status, tags) need not be spelled out. Assignable to Handlers.
 */
export type RawHandlers = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/** What the UI calls: same channels, raw input, Result out (never throws across the boundary). */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<import('./result.js').Result<Output<C>>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
