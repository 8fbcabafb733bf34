/** The citation and attribution finder: journals, references, trial ids, authors, sizes, dates. */
import type { ArticleFacts } from '../../model/index.js';

export function findFacts(articleId: string, text: string): ArticleFacts {
  void text;
  return { articleId, facts: [], references: [] }; // SCAFFOLD: replaced by the finder in this session
}
