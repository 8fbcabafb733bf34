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
  ReviewerId,
  ReviewInfo,
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

export const ImportStatus = z.enum(['imported', 'duplicate', 'failed']);
export const ImportOutcome = z.object({
  /** The file name (UI) or the path (CLI) as the caller gave it. */
  source: z.string(),
  status: ImportStatus,
  /** Set for imported and duplicate (the article already holding this file). */
  articleId: ArticleId.nullable(),
  title: z.string().nullable(),
  /** Set for failed: e.g. { code: 'needs-password', message: '…' }. */
  error: ErrorInfo.nullable(),
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

export const ExportFormat = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportFile = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;

const none = z.object({}).strict();

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
  'annotations.list': {
    input: z.object({ articleId: ArticleId.optional() }).strict(),
    output: z.array(AnchoredAnnotation),
  },
  'annotations.create': { input: NewAnnotation.strict(), output: AnchoredAnnotation },
  'annotations.update': {
    input: z.object({ id: AnnotationId, body: AnnotationBody }).strict(),
    output: AnchoredAnnotation,
  },
  'annotations.delete': { input: z.object({ id: AnnotationId }).strict(), output: z.object({ id: AnnotationId }) },
  'export.run': { input: z.object({ format: ExportFormat }).strict(), output: ExportFile },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What the core implements: one async handler per channel, receiving already-validated input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/** What the UI calls: same channels, raw input, Result out (never throws across the boundary). */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<import('./result.js').Result<Output<C>>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
