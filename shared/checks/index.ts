/**
 * Study grouping and discrepancy rules over the finders' output. Pure.
 *
 * - grouping.ts / titles.ts: which articles report on one study;
 * - rules-article.ts: one article's running text against its own reference list;
 * - rules-group.ts: the articles of one study group against each other (attributes, outcome values);
 * - rules-arithmetic.ts, rules-arms.ts, rules-fold.ts: numbers inside one article.
 */
import type { StudyGroup, SuggestedDiscrepancy } from '../model/index.js';
import { articleRules } from './rules-article.js';
import { arithmeticRules } from './rules-arithmetic.js';
import { groupRules } from './rules-group.js';
import type { CheckedArticle } from './types.js';
import { compareStrings } from './util.js';

export type { CheckedArticle } from './types.js';
export { proposeStudyGroups } from './grouping.js';

/**
 * Every rule over the articles and the review's study groups. Two articles that agree yield
 * nothing. Per-article rules are linear in the articles; pairwise comparison happens only inside
 * study groups. The result is in a stable order (article rules by article id, then group rules by
 * group id) and has one suggestion per fingerprint.
 */
export function runRules(articles: readonly CheckedArticle[], groups: readonly StudyGroup[]): SuggestedDiscrepancy[] {
  const byId = new Map<string, CheckedArticle>();
  for (const article of articles) if (!byId.has(article.id)) byId.set(article.id, article);
  const out: SuggestedDiscrepancy[] = [];
  for (const id of [...byId.keys()].sort(compareStrings)) {
    const article = byId.get(id)!;
    out.push(...articleRules(article), ...arithmeticRules(article));
  }
  out.push(...groupRules(byId, groups));
  const seen = new Set<string>();
  return out.filter((d) => !seen.has(d.fingerprint) && (seen.add(d.fingerprint), true));
}
