/** The shapes every citation reader returns; index.ts re-exports them as the module's API. */
import type { ArticleMeta } from '../../../shared/model/article.js';

export type CitationFormat = 'ris' | 'bibtex' | 'nbib' | 'pubmed-xml' | 'csl-json' | 'endnote-xml';

export interface CitationRecord {
  /** 1-based position of the record in its file (malformed records count too). */
  record: number;
  meta: Omit<ArticleMeta, 'tags'>;
  abstract: string | null;
}

export interface RecordProblem {
  record: number;
  reason: string;
}

export interface CitationParse {
  format: CitationFormat;
  records: CitationRecord[];
  errors: RecordProblem[];
}

/** What one format's reader hands back; index.ts adds the format and the empty/corrupt policy. */
export interface ReadResult {
  records: CitationRecord[];
  errors: RecordProblem[];
}
