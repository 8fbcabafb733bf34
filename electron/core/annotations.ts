/**
 * Annotation create/update/delete/list over per-reviewer shards. Each write touches one shard (and
 * review.json only when a new reviewer appears). Every annotation leaves here anchored against its
 * article's current text; anchoring never deletes: an orphan is returned as such and kept on disk.
 */
import { randomUUID } from 'node:crypto';
import { anchor, describe } from '../../shared/anchoring/index.js';
import type { NewAnnotation } from '../../shared/contract.js';
import {
  ReviewerId,
  type Anchor,
  type AnchoredAnnotation,
  type Annotation,
  type AnnotationBody,
  type Article,
} from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { CoreContext } from './context.js';

export interface ArticleCounts {
  annotationCount: number;
  orphanCount: number;
}

interface Location {
  articleId: string;
  reviewer: string;
}

/** Stable order for lists and exports: by creation time, then id. */
function byCreated(a: Annotation, b: Annotation): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function anchorAnnotation(annotation: Annotation, article: Article): AnchoredAnnotation {
  return { ...annotation, anchor: anchor(article.text, annotation.target.selector, article.pages) };
}

/**
 * Anchors per loaded article object. Selectors never change after creation (update edits the body
 * only) and the core never changes an article's text in place, so an anchor depends only on the
 * article object; a fuzzy search or an orphan's whole-text scan is paid once, not on every list.
 * Weakly held: when the store's article cache drops an article, its anchors go with it.
 */
class AnchorCache {
  private readonly byArticle = new WeakMap<Article, Map<string, Anchor>>();

  anchorAll(annotations: readonly Annotation[], article: Article): AnchoredAnnotation[] {
    let anchors = this.byArticle.get(article);
    if (!anchors) {
      anchors = new Map();
      this.byArticle.set(article, anchors);
    }
    const known = anchors;
    return annotations.map((a) => {
      let found = known.get(a.id);
      if (!found) {
        found = anchor(article.text, a.target.selector, article.pages);
        known.set(a.id, found);
      }
      return { ...a, anchor: found };
    });
  }
}

export class Annotations {
  /** annotation id → where it is stored; built on first need by reading every shard once. */
  private locations: Map<string, Location> | null = null;
  /** Per-article counts for the library, updated on every write to that article. */
  private readonly counts = new Map<string, ArticleCounts>();
  private readonly anchors = new AnchorCache();

  /**
   * @param prepareBody checks a body against its template and stamps the template version in force
   *   (given the body it replaces, or null on create). Identity by default (tests of storage alone).
   */
  constructor(
    private readonly ctx: CoreContext,
    private readonly prepareBody: (body: AnnotationBody, previous: AnnotationBody | null) => AnnotationBody = (b) => b,
  ) {}

  /** All annotations on one article, every reviewer, in stable order (not anchored). */
  async rawForArticle(articleId: string): Promise<Annotation[]> {
    const { store } = this.ctx;
    const out: Annotation[] = [];
    for (const reviewer of await store.shardReviewers(articleId)) {
      const shard = await store.shard(articleId, reviewer);
      if (shard) out.push(...shard.data.annotations);
    }
    return out.sort(byCreated);
  }

  async forArticle(articleId: string): Promise<AnchoredAnnotation[]> {
    const article = await this.ctx.store.readArticle(articleId);
    const anchored = this.anchors.anchorAll(await this.rawForArticle(articleId), article);
    this.counts.set(articleId, countOf(anchored));
    return anchored;
  }

  /** Every annotation in the review, in library order then creation order. */
  async all(): Promise<AnchoredAnnotation[]> {
    const withFolders = await this.ctx.store.articlesWithAnnotationFolders();
    const out: AnchoredAnnotation[] = [];
    for (const row of this.ctx.store.review.articles) {
      if (withFolders.has(row.id)) out.push(...(await this.forArticle(row.id)));
    }
    return out;
  }

  /** Counts for the library; cheap after the first call for each article. */
  async countsFor(articleId: string, hasFolder: boolean): Promise<ArticleCounts> {
    if (!hasFolder) return { annotationCount: 0, orphanCount: 0 };
    const cached = this.counts.get(articleId);
    if (cached) return cached;
    await this.forArticle(articleId);
    return this.counts.get(articleId) ?? { annotationCount: 0, orphanCount: 0 };
  }

  /** @param id given by callers that link several new annotations to each other (rule suggestions). */
  async create(input: NewAnnotation, id: string = randomUUID()): Promise<AnchoredAnnotation> {
    this.ctx.assertWritable();
    const { store } = this.ctx;
    const article = await store.readArticle(input.articleId);
    if (input.end > article.text.length || article.text.slice(input.start, input.end) !== input.exact) {
      throw new EvidentiaError(
        'bad-input',
        `The selected text does not match article ${article.id} at ${input.start}-${input.end}; reload the article and select again.`,
      );
    }
    const reviewer = input.reviewer ?? this.ctx.defaultReviewer;
    if (!ReviewerId.safeParse(reviewer).success) throw new EvidentiaError('bad-input', `Not a valid reviewer id: ${reviewer}`);
    const now = new Date().toISOString();
    if ((await this.locationIndex()).has(id)) throw new EvidentiaError('internal', `Annotation id ${id} is taken already.`);
    const annotation: Annotation = {
      id,
      articleId: article.id,
      reviewer,
      target: { source: article.id, sourceHash: article.source.sha256, selector: describe(article.text, input.start, input.end, article.pages) },
      body: this.prepareBody(input.body, null),
      created: now,
      updated: now,
    };
    if (!store.review.reviewers.some((r) => r.id === reviewer)) {
      await store.updateReview((review) => {
        review.reviewers.push({ id: reviewer, name: reviewer });
      });
    }
    const shard = await store.shard(article.id, reviewer, true);
    const previous = shard.data.annotations;
    shard.data.annotations = [...previous, annotation];
    await store.saveShard(shard, previous);
    (await this.locationIndex()).set(annotation.id, { articleId: article.id, reviewer });
    await this.refreshCounts(article.id);
    return anchorAnnotation(annotation, article);
  }

  async update(id: string, body: AnnotationBody): Promise<AnchoredAnnotation> {
    this.ctx.assertWritable();
    const { shard, index } = await this.find(id);
    const previous = shard.data.annotations;
    const old = previous[index]!;
    const updated: Annotation = { ...old, body: this.prepareBody(body, old.body), updated: new Date().toISOString() };
    shard.data.annotations = previous.map((a, i) => (i === index ? updated : a));
    await this.ctx.store.saveShard(shard, previous);
    await this.refreshCounts(updated.articleId);
    return anchorAnnotation(updated, await this.ctx.store.readArticle(updated.articleId));
  }

  async delete(id: string): Promise<{ id: string }> {
    this.ctx.assertWritable();
    const { shard, index, location } = await this.find(id);
    const previous = shard.data.annotations;
    shard.data.annotations = previous.filter((_, i) => i !== index);
    await this.ctx.store.saveShard(shard, previous);
    (await this.locationIndex()).delete(id);
    await this.refreshCounts(location.articleId);
    return { id };
  }

  /** One annotation by id (not anchored), or null. Used by exports to follow discrepancy links. */
  async get(id: string): Promise<Annotation | null> {
    const location = (await this.locationIndex()).get(id);
    if (!location) return null;
    const shard = await this.ctx.store.shard(location.articleId, location.reviewer);
    return shard?.data.annotations.find((a) => a.id === id) ?? null;
  }

  /** After a merge moved annotations from one article to another: where they live is read again. */
  articlesMerged(from: string, into: string): void {
    this.locations = null;
    this.counts.delete(from);
    this.counts.delete(into);
  }

  /** After shards were written behind this service's back (a restore): forget what it derived. */
  invalidate(): void {
    this.locations = null;
    this.counts.clear();
  }

  /** Forget everything about an article that is being deleted. */
  forgetArticle(articleId: string): void {
    this.counts.delete(articleId);
    if (this.locations) for (const [id, loc] of this.locations) if (loc.articleId === articleId) this.locations.delete(id);
  }

  private async find(id: string) {
    const location = (await this.locationIndex()).get(id);
    const shard = location ? await this.ctx.store.shard(location.articleId, location.reviewer) : null;
    const index = shard ? shard.data.annotations.findIndex((a) => a.id === id) : -1;
    if (!location || !shard || index < 0) throw new EvidentiaError('not-found', `No annotation ${id} in this review.`);
    return { shard, index, location };
  }

  private async refreshCounts(articleId: string): Promise<void> {
    await this.forArticle(articleId);
  }

  private async locationIndex(): Promise<Map<string, Location>> {
    if (this.locations) return this.locations;
    const map = new Map<string, Location>();
    const { store } = this.ctx;
    const withFolders = await store.articlesWithAnnotationFolders();
    for (const row of store.review.articles) {
      if (!withFolders.has(row.id)) continue;
      for (const reviewer of await store.shardReviewers(row.id)) {
        const shard = await store.shard(row.id, reviewer);
        for (const a of shard?.data.annotations ?? []) map.set(a.id, { articleId: row.id, reviewer });
      }
    }
    this.locations = map;
    return map;
  }
}

function countOf(anchored: AnchoredAnnotation[]): ArticleCounts {
  return {
    annotationCount: anchored.length,
    orphanCount: anchored.filter((a) => a.anchor.status === 'orphan').length,
  };
}
