/**
 * A check run: the finders over every article, the study grouping, and the discrepancy rules over
 * the result. With store, proposed study groups are merged into review.json and new suggested
 * discrepancies are saved for the board; without it (or read-only) nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { proposeStudyGroups, runRules, type CheckedArticle } from '../../shared/checks/index.js';
import type { CheckReport } from '../../shared/model/index.js';
import { articleLabel } from '../../shared/sheet/labels.js';
import { applyProposals } from '../../shared/studies/groups.js';
import type { CoreContext } from './context.js';
import type { Discrepancies } from './discrepancies.js';
import type { FindingsCache } from './findings.js';

export class Checks {
  constructor(
    private readonly ctx: CoreContext,
    private readonly findings: FindingsCache,
    private readonly discrepancies: Discrepancies,
  ) {}

  async run(store: boolean): Promise<CheckReport> {
    if (store) this.ctx.assertWritable();
    const { store: reviewStore } = this.ctx;
    const articles: CheckedArticle[] = [];
    for (const row of reviewStore.review.articles) {
      const article = await reviewStore.readArticle(row.id);
      const { outcomes, facts } = this.findings.of(article);
      articles.push({ id: row.id, label: articleLabel(row), title: row.title, doi: row.doi, year: row.year, text: article.text, facts, outcomes });
    }
    const review = reviewStore.review;
    const proposals = proposeStudyGroups(articles, review.studies, review.notSameStudy);
    const groups = applyProposals(review.studies, proposals, review.notSameStudy, () => randomUUID());
    const discrepancies = runRules(articles, groups);
    let stored = { added: 0, known: 0 };
    if (store) {
      if (JSON.stringify(groups) !== JSON.stringify(review.studies)) {
        await reviewStore.updateReview((r) => {
          r.studies = groups;
        });
      }
      stored = await this.discrepancies.store(discrepancies);
    }
    const rejected = new Set(review.rejectedSuggestions.map((r) => `${r.articleId} ${r.key}`));
    return {
      articles: articles.length,
      outcomes: articles.flatMap((a) => a.outcomes.filter((o) => !rejected.has(`${a.id} ${o.key}`))),
      discrepancies,
      studies: groups.map((g) => ({ id: g.id, label: g.label, articleIds: g.articleIds, status: g.status, evidence: g.evidence })),
      stored,
    };
  }
}
