/** One article as the RIS and BibTeX writers receive it. */
import type { ArticleMeta } from '../../../shared/model/article.js';

export interface BiblioExportItem {
  id: string;
  meta: ArticleMeta;
  abstract: string | null;
  /** Reviewer notes and outcome/discrepancy summaries, one per entry. */
  notes: string[];
}
