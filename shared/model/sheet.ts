/** The extraction sheet as it crosses the contract: columns, rows, and the query that shapes them. */
import { z } from 'zod';
import { AnnotationId, ArticleId, ReviewerId } from './ids.js';
import { RecordStatus } from './annotation.js';
import { FieldKind, FieldValue, SectionLevel, TemplateId } from './template.js';

/**
 * Column keys: the fixed columns below, `o.<field>` for outcome-level fields and `s.<field>` for
 * study-level fields of the sheet's template.
 */
export const FIXED_SHEET_COLUMNS = ['article', 'reviewer', 'status', 'quote', 'tags'] as const;
export const SheetColumnKey = z.string().regex(/^(article|reviewer|status|quote|tags|[os]\.[a-z][a-z0-9_]{0,39})$/);

export const SheetColumn = z.object({
  key: SheetColumnKey,
  label: z.string(),
  /** 'fixed' for article/reviewer/status/quote/tags. */
  level: z.union([SectionLevel, z.literal('fixed')]),
  kind: z.union([FieldKind, z.literal('fixed')]),
  options: z.array(z.string()),
  required: z.boolean(),
  /** Retired in the current template version, shown because stored values use it. */
  retired: z.boolean(),
  help: z.string(),
});
export type SheetColumn = z.infer<typeof SheetColumn>;

export const SheetRecordRow = z.object({
  kind: z.literal('record'),
  /** Row identity: the annotation id, or "study:<articleId>:<reviewer>" for an article with study values only. */
  rowId: z.string(),
  /** null for an article that has study-level values but no outcome record yet. */
  annotationId: AnnotationId.nullable(),
  articleId: ArticleId,
  /** "Werth 2022" or the title when authors/year are unknown. */
  articleLabel: z.string(),
  articleTitle: z.string(),
  reviewer: ReviewerId,
  status: RecordStatus.nullable(),
  quote: z.string(),
  page: z.number().int().positive().nullable(),
  /** The record's tags followed by its article's. */
  tags: z.array(z.string()),
  templateVersion: z.number().int().positive().nullable(),
  /** Values by column key (o.* and s.*). Missing key = not answered. */
  values: z.record(z.string(), FieldValue),
  /** Column keys of required fields with no value. */
  missing: z.array(z.string()),
});
export type SheetRecordRow = z.infer<typeof SheetRecordRow>;

export const SheetGroupRow = z.object({
  kind: z.literal('group'),
  /** Group key (an article id or an outcome name); pass it in `collapsed` to fold the group. */
  key: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
  collapsed: z.boolean(),
});
export type SheetGroupRow = z.infer<typeof SheetGroupRow>;
export const SheetRow = z.discriminatedUnion('kind', [SheetRecordRow, SheetGroupRow]);
export type SheetRow = z.infer<typeof SheetRow>;

export const SheetFilter = z
  .object({
    articleId: ArticleId.optional(),
    /** Exact outcome name (value of o.outcome). */
    outcome: z.string().max(500).optional(),
    reviewer: ReviewerId.optional(),
    tag: z.string().max(100).optional(),
    status: RecordStatus.optional(),
    /** Case- and accent-insensitive substring of any cell, the quote or the article label. */
    text: z.string().max(500).optional(),
  })
  .strict();
export type SheetFilter = z.infer<typeof SheetFilter>;

export const SheetSort = z.object({ column: SheetColumnKey, direction: z.enum(['asc', 'desc']) }).strict();
export type SheetSort = z.infer<typeof SheetSort>;

export const SheetGroupBy = z.enum(['none', 'article', 'outcome']);
export type SheetGroupBy = z.infer<typeof SheetGroupBy>;

export const SheetQuery = z
  .object({
    templateId: TemplateId.optional(),
    filter: SheetFilter.default({}),
    sort: z.array(SheetSort).max(3).default([]),
    groupBy: SheetGroupBy.default('none'),
    collapsed: z.array(z.string().max(500)).max(10_000).default([]),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(0).max(2000).default(200),
  })
  .strict();
export type SheetQuery = z.infer<typeof SheetQuery>;

export const SheetPage = z.object({
  templateId: TemplateId,
  templateVersion: z.number().int().positive(),
  columns: z.array(SheetColumn),
  /** Visible rows after filtering and grouping (group header rows included). */
  total: z.number().int().nonnegative(),
  /** Records matching the filter. */
  recordCount: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(SheetRow),
});
export type SheetPage = z.infer<typeof SheetPage>;

export const SheetFacets = z.object({
  articles: z.array(z.object({ id: ArticleId, label: z.string() })),
  outcomes: z.array(z.object({ name: z.string(), count: z.number().int() })),
  reviewers: z.array(ReviewerId),
  tags: z.array(z.string()),
});
export type SheetFacets = z.infer<typeof SheetFacets>;

/** One in-place edit: a column of a record row. Study columns write the article's study values. */
export const SheetEdit = z
  .object({
    rowId: z.string().min(1).max(200),
    templateId: TemplateId.optional(),
    column: SheetColumnKey,
    value: FieldValue,
  })
  .strict();
export type SheetEdit = z.infer<typeof SheetEdit>;
