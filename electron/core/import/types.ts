import type { ArticleKind, ArticleMeta, PageSpan } from '../../../shared/model/index.js';

/** What an extractor makes of one file's bytes, before anything is written to the review. */
export interface ExtractedDocument {
  kind: ArticleKind;
  /** Lowercase extension without the dot, as stored: files/<sha256>.<ext> */
  ext: string;
  /** Readable text; for PDFs, pages joined with shared/anchoring/pdf-text joinPages(). */
  text: string;
  /** PDF: one span per page. Others: []. */
  pages: PageSpan[];
  /** Best guesses from the document; title falls back to the file name without extension. */
  meta: ArticleMeta;
  extraction: { engine: string; version: string };
  noTextLayer: boolean;
}

export interface ExtractOptions {
  password?: string;
}

/**
 * Pure with respect to the review: reads only the given bytes, writes nothing. Throws EvidentiaError
 * with code unsupported-type | needs-password | wrong-password | corrupt-file | empty-file | too-large,
 * each with a message a user understands (naming the file).
 */
export type ExtractDocument = (bytes: Uint8Array, fileName: string, options?: ExtractOptions) => Promise<ExtractedDocument>;
