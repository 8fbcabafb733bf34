import { z } from 'zod';
import { ArticleId, IsoTime, Sha256 } from './ids.js';
import { Tags } from './annotation.js';

export const ARTICLE_SCHEMA_VERSION = 2;

/** citation: a record from a citation file (RIS, BibTeX …) whose readable text is its abstract. */
export const ArticleKind = z.enum(['pdf', 'text', 'markdown', 'html', 'citation']);
export type ArticleKind = z.infer<typeof ArticleKind>;

/** Bibliographic fields guessed at import (and later editable). Unknown is null, never ''. */
export const ArticleMeta = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  journal: z.string().nullable(),
  year: z.number().int().min(1000).max(3000).nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  /** Page range in the journal, e.g. "45-50" (CSL's `page`). */
  page: z.string().nullable(),
  url: z.string().nullable(),
  /** CSL item type ("article-journal", "chapter", "book" …); null when unknown. */
  type: z.string().nullable(),
  /** Keywords from the source (MeSH terms, author keywords). */
  keywords: z.array(z.string()),
  /** The reviewers' own tags on the article. */
  tags: Tags,
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/** The bibliographic fields a document's text cannot tell; extractors start from these. */
export const EMPTY_BIBLIO = {
  pmid: null,
  volume: null,
  issue: null,
  page: null,
  url: null,
  type: null,
  keywords: [],
  tags: [],
} as const satisfies Partial<ArticleMeta>;

export const SourceFile = z.object({
  fileName: z.string(),
  sha256: Sha256,
  ext: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Path inside the review folder: files/<sha256>.<ext> */
  storedAs: z.string(),
  /** For a citation record: its 1-based position in the citation file. */
  record: z.number().int().positive().optional(),
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
  /** The file `text` comes from (for a citation record: its citation file). */
  source: SourceFile,
  /** Other files of this article: earlier sources (a record's citation file once a PDF is attached), merged duplicates' files. */
  attachments: z.array(SourceFile),
  abstract: z.string().nullable(),
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
