/**
 * The duplicate queue and its three answers. Import puts fuzzy matches in review.json's
 * duplicates.pending (identifier matches are merged there and then); here a person resolves a pair:
 *
 * - not-duplicate: the pair leaves the queue and is remembered, so it is never proposed again;
 * - same-study: the two stay separate articles, linked in a study group (reports of one study);
 * - merge: the kept article absorbs the other — bibliographic fields, abstract, every file, and
 *   every reviewer's annotations and study values — and the other disappears.
 *
 * A merge writes in an order that loses nothing at any crash point: the kept article file, then
 * the kept article's shards (now holding copies of the other's annotations), then review.json —
 * the commit point, where the other's row goes — and only then the other's files are removed. A
 * crash before the commit leaves both articles (the moved annotations present in both; merging
 * again skips the copies); after it, at worst unreferenced files of the other remain.
 */
import { randomUUID } from 'node:crypto';
import type { DuplicatePair, DuplicateResolution } from '../../shared/contract.js';
import { pairKey } from '../../shared/duplicates/match.js';
import { mergeArticles } from '../../shared/duplicates/merge.js';
import { linkStudies, markNotDuplicate, rewriteDuplicateState, withoutPair } from '../../shared/duplicates/state.js';
import { rewriteArticle } from '../../shared/studies/groups.js';
import type { AnnotationFile, Article, ArticleSummary } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Annotations } from './annotations.js';
import { indexRowOf } from './articles.js';
import type { CoreContext } from './context.js';
import { removeQuietly } from './store/atomic.js';

/** What the kept article's shard held before the merge, to put back if a later write fails. */
interface ShardBefore {
  reviewer: string;
  data: Pick<AnnotationFile, 'annotations' | 'study'>;
}

/** The other article's annotations and study values, added to the kept article's shard. */
function absorbShard(into: AnnotationFile, from: AnnotationFile, keepId: string): void {
  const have = new Set(into.annotations.map((a) => a.id));
  for (const a of from.annotations) {
    // Already there after an interrupted merge: the copy in the kept shard wins.
    if (have.has(a.id)) continue;
    // Selectors stay as they were: they re-anchor by quote in the kept text, or become orphans (kept).
    into.annotations.push({ ...a, articleId: keepId, target: { ...a.target, source: keepId } });
  }
  const templates = new Set(into.study.map((s) => s.template.id));
  for (const record of from.study) if (!templates.has(record.template.id)) into.study.push(record);
}

export class Duplicates {
  constructor(
    private readonly ctx: CoreContext,
    private readonly annotations: Annotations,
  ) {}

  /** The queue, each pair with both library rows; pairs whose articles are gone are left out. */
  list(summaries: ArticleSummary[]): DuplicatePair[] {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const out: DuplicatePair[] = [];
    for (const c of this.ctx.store.review.duplicates.pending) {
      const a = byId.get(c.a);
      const b = byId.get(c.b);
      if (a && b) out.push({ a, b, reason: c.reason, detected: c.detected });
    }
    return out;
  }

  async resolve(resolution: DuplicateResolution): Promise<{ kept: string | null }> {
    this.ctx.assertWritable();
    const { a, b, action } = resolution;
    if (a === b) throw new EvidentiaError('bad-input', 'A duplicate pair needs two different articles.');
    const rowA = this.requireIndexed(a);
    this.requireIndexed(b);
    switch (action) {
      case 'not-duplicate':
        await this.ctx.store.updateReview((review) => {
          review.duplicates = markNotDuplicate(review.duplicates, a, b);
        });
        return { kept: null };
      case 'same-study':
        await this.ctx.store.updateReview((review) => {
          review.duplicates = { ...review.duplicates, pending: withoutPair(review.duplicates.pending, a, b) };
          review.studies = linkStudies(review.studies, a, b, randomUUID(), rowA.title || rowA.fileName);
          // A person says they are one study: an earlier split of the pair no longer holds.
          review.notSameStudy = review.notSameStudy.filter(([x, y]) => pairKey(x, y) !== pairKey(a, b));
        });
        return { kept: null };
      case 'merge': {
        const keep = resolution.keep ?? a;
        if (keep !== a && keep !== b) throw new EvidentiaError('bad-input', `The article to keep (${keep}) must be one of the pair.`);
        await this.merge(keep, keep === a ? b : a);
        return { kept: keep };
      }
    }
  }

  /** `other` merged into `keep` (both indexed). */
  private async merge(keepId: string, otherId: string): Promise<void> {
    const { store } = this.ctx;
    const keepBefore = await store.readArticle(keepId);
    const other = await store.readArticle(otherId);
    const merged: Article = mergeArticles(keepBefore, other);

    await store.writeArticle(merged);
    const shardsBefore: ShardBefore[] = [];
    try {
      for (const reviewer of await store.shardReviewers(otherId)) {
        const from = await store.shard(otherId, reviewer);
        if (!from || (from.data.annotations.length === 0 && from.data.study.length === 0)) continue;
        const existing = await store.shard(keepId, reviewer);
        const before = existing ? structuredClone({ annotations: existing.data.annotations, study: existing.data.study }) : { annotations: [], study: [] };
        await store.updateShard(keepId, reviewer, (into) => absorbShard(into, from.data, keepId));
        shardsBefore.push({ reviewer, data: before });
      }
      await store.updateReview((review) => {
        const live = new Set(review.articles.filter((r) => r.id !== otherId).map((r) => r.id));
        review.articles = review.articles
          .filter((row) => row.id !== otherId)
          .map((row) => (row.id === keepId ? indexRowOf(merged, row.sha256 === merged.source.sha256 ? row : undefined) : row));
        review.duplicates = rewriteDuplicateState(review.duplicates, otherId, keepId, live);
        const studies = rewriteArticle({ groups: review.studies, notSameStudy: review.notSameStudy }, otherId, keepId);
        review.studies = studies.groups;
        review.notSameStudy = studies.notSameStudy;
        // Suggestion keys are positions in the other article's text: they mean nothing in the kept one.
        review.rejectedSuggestions = review.rejectedSuggestions.filter((r) => r.articleId !== otherId);
      });
    } catch (error) {
      await this.rollBack(keepBefore, shardsBefore);
      throw error;
    }

    // Committed: the other article no longer exists for any reader. Its blobs stay (now the kept
    // article's attachments); its article file and shards go.
    store.forgetArticle(otherId);
    await removeQuietly(store.paths.article(otherId));
    await removeQuietly(store.paths.articleAnnotationsDir(otherId));
    // Fresh counts for the library; the merge itself is done, so a failure here is only logged.
    await this.annotations.forArticle(keepId).catch((e: unknown) => this.ctx.log(`could not recount annotations on ${keepId}`, e));
  }

  /** Best effort: put the kept article and its shards back as they were before a failed merge. */
  private async rollBack(article: Article, shards: ShardBefore[]): Promise<void> {
    const { store, log } = this.ctx;
    await store.writeArticle(article).catch((e: unknown) => log(`could not restore article ${article.id} after a failed merge`, e));
    for (const { reviewer, data } of shards) {
      await store
        .updateShard(article.id, reviewer, (shard) => {
          shard.annotations = data.annotations;
          shard.study = data.study;
        })
        .catch((e: unknown) => log(`could not restore ${reviewer}'s annotations on ${article.id} after a failed merge`, e));
    }
  }

  private requireIndexed(id: string) {
    const row = this.ctx.store.review.articles.find((r) => r.id === id);
    if (!row) throw new EvidentiaError('not-found', `No article ${id} in this review.`);
    return row;
  }
}
