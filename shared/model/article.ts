import { z } from 'zod';
import { ArticleId, IsoTime, Sha256 } from './ids.js';

export const ARTICLE_SCHEMA_VERSION = 1;

export const ArticleKind = z.enum(['pdf', 'text', 'markdown', 'html']);
export type ArticleKind = z.infer<typeof ArticleKind>;

/** Bibliographic fields guessed at import (and later editable). Unknown is null, never ''. */
export const ArticleMeta = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  journal: z.string().nullable(),
  year: z.number().int().min(1000).max(3000).nullable(),
  doi: z.string().nullable(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const SourceFile = z.object({
  fileName: z.string(),
  sha256: Sha256,
  ext: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Path inside the review folder: files/<sha256>.<ext> */
  storedAs: z.string(),
});
export type SourceFile = z.infer<typeof SourceFile>;

/** Where one PDF page's text lies inside Article.text (end exclusive, UTF-16 code units). */
export const PageSpan = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PageSpan = z.infer<typeof PageSpan>;

export const Extraction = z.object({
  /** e.g. "pdfjs-dist", "text", "htmlparser2", "marked" */
  engine: z.string(),
  version: z.string(),
});

export const Article = ArticleMeta.extend({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: ArticleId,
  kind: ArticleKind,
  source: SourceFile,
  /** The readable text every selector's offsets refer to. For PDFs: pages joined by joinPages(). */
  text: z.string(),
  /** PDF only: one span per page, in order. Empty for other kinds. */
  pages: z.array(PageSpan),
  extraction: Extraction,
  importedAt: IsoTime,
  /** True when a PDF has pages but no extractable text (scanned images). */
  noTextLayer: z.boolean(),
});
export type Article = z.infer<typeof Article>;

/** One row of the library: what review.json's article index keeps, plus live counts. */
export const ArticleSummary = ArticleMeta.extend({
  id: ArticleId,
  kind: ArticleKind,
  fileName: z.string(),
  importedAt: IsoTime,
  pageCount: z.number().int().nonnegative(),
  noTextLayer: z.boolean(),
  annotationCount: z.number().int().nonnegative(),
  orphanCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
