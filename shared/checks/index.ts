/** Study grouping and discrepancy rules over the finders' output. Pure. */
import type { ArticleFacts, OutcomeSuggestion, ProposedStudyGroup, StudyGroup, SuggestedDiscrepancy } from '../model/index.js';

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

/**
 * Groups of articles that report on one study (shared trial id, acronym, DOI, close title), given
 * the groups already in the review and the pairs a person split apart (never proposed again).
 */
export function proposeStudyGroups(
  articles: readonly CheckedArticle[],
  existing: readonly StudyGroup[],
  notSameStudy: readonly (readonly [string, string])[],
): ProposedStudyGroup[] {
  void articles;
  void existing;
  void notSameStudy;
  return []; // SCAFFOLD
}

/** Every rule over the articles and the review's study groups. Two articles that agree yield nothing. */
export function runRules(articles: readonly CheckedArticle[], groups: readonly StudyGroup[]): SuggestedDiscrepancy[] {
  void articles;
  void groups;
  return []; // SCAFFOLD
}
