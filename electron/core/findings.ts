/**
 * The finders' output per article, computed from its text on first need and kept while the text is
 * the same (derived data: never persisted, always rebuildable).
 */
import { findFacts } from '../../shared/extraction/attribution/index.js';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';
import type { Article, ArticleFacts, OutcomeSuggestion } from '../../shared/model/index.js';

export interface ArticleFindings {
  outcomes: OutcomeSuggestion[];
  facts: ArticleFacts;
}

/** Enough for a whole review's check run without holding every article's findings forever. */
const MAX_CACHED = 2_000;

export class FindingsCache {
  private readonly cache = new Map<string, { version: string; findings: ArticleFindings }>();

  of(article: Article): ArticleFindings {
    const version = `${article.source.sha256}:${article.text.length}`;
    const hit = this.cache.get(article.id);
    if (hit?.version === version) return hit.findings;
    const findings = { outcomes: findOutcomes(article.id, article.text), facts: findFacts(article.id, article.text) };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(article.id, { version, findings });
    return findings;
  }
}
