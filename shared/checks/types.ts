/** What the checks read: one article with the finders' output. */
import type { ArticleFacts, OutcomeSuggestion } from '../model/index.js';

/** What the checks know about one article. */
export interface CheckedArticle {
  id: string;
  /** Library label ("Werth 2023", or the title) for explanations. */
  label: string;
  title: string;
  doi: string | null;
  year: number | null;
  text: string;
  facts: ArticleFacts;
  outcomes: OutcomeSuggestion[];
}
