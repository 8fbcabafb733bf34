/** The outcome finder: numeric results in an article's text, each with its quote and best guesses. */
import type { OutcomeSuggestion } from '../../model/index.js';

export function findOutcomes(articleId: string, text: string): OutcomeSuggestion[] {
  void articleId;
  void text;
  return []; // SCAFFOLD: replaced by the finder in this session
}
