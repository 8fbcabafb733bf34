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
  type AuditCause,
} from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { AuditLog } from './audit/audit-log.js';
import type { CoreContext } from './context.js';

export type { ArticleCounts } from './store/catalogue.js';

/**
 * How a change came about (recorded in the audit log) and, for undo and redo, the `updated` stamp
 * the annotation must still carry: a change made since (elsewhere, or by the sheet) is never clobbered.
 */
export interface ChangeOptions {
  cause?: AuditCause;
  expectedUpdated?: string;
}

/** An ISO time after `previous`: two saves within one millisecond still get distinct stamps. */
function stampAfter(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

/** The annotation as stored (an anchored one from a caller carries its anchor too). */
function stored(a: Annotation): Annotation {
  return { id: a.id, articleId: a.articleId, reviewer: a.reviewer, target: a.target, body: a.body, created: a.created, updated: a.updated };
}

/**
 * Order for lists: by creation time; annotations made in the same millisecond keep their stored
 * order (reviewers by id, each shard in the order they were made; the sort is stable), as exports do.
 */
function byCreated(a: Annotation, b: Annotation): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : 0;
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

/**
 * Where annotations live and how many per article come from the store's catalogue (a derived index
 * of the shards); this service anchors them and tells the catalogue the orphan counts it finds.
 */
export class Annotations {
  private readonly anchors = new AnchorCache();

  /**
   * @param prepareBody checks a body against its template and stamps the template version in force
   *   (given the body it replaces, or null on create). Identity by default (tests of storage alone).
   * @param audit where each saved change is recorded (none in tests of storage alone).
   */
  constructor(
    private readonly ctx: CoreContext,
    private readonly prepareBody: (body: AnnotationBody, previous: AnnotationBody | null) => AnnotationBody = (b) => b,
    private readonly audit: AuditLog | null = null,
  ) {}

  /** All annotations on one article, every reviewer, in stable order (not anchored). */
  async rawForArticle(articleId: string): Promise<Annotation[]> {
    return (await this.shardsOf(articleId)).flatMap((s) => s.annotations).sort(byCreated);
  }

  /** Anchored against the article's text; the orphans found go to the catalogue for the library. */
  async forArticle(articleId: string): Promise<AnchoredAnnotation[]> {
    const { store } = this.ctx;
    const article = await store.readArticle(articleId);
    const out: AnchoredAnnotation[] = [];
    for (const shard of await this.shardsOf(articleId)) {
      const anchored = this.anchors.anchorAll(shard.annotations, article);
      store.catalogue.setOrphans(articleId, shard.reviewer, anchored.filter((a) => a.anchor.status === 'orphan').length);
      out.push(...anchored);
    }
    return out.sort(byCreated);
  }

  private async shardsOf(articleId: string) {
    const { store } = this.ctx;
    const out = [];
    for (const reviewer of await store.shardReviewers(articleId)) {
      const shard = await store.shard(articleId, reviewer);
      if (shard) out.push(shard.data);
    }
    return out;
  }

  /** Every annotation in the review, in library order then creation order. */
  async all(): Promise<AnchoredAnnotation[]> {
    const reviewers = await this.ctx.store.catalogue.allShardReviewers();
    const out: AnchoredAnnotation[] = [];
    for (const row of this.ctx.store.review.articles) {
      if ((reviewers.get(row.id) ?? []).length > 0) out.push(...(await this.forArticle(row.id)));
    }
    return out;
  }

  /**
   * Anchor the articles whose orphan counts the catalogue does not know (shards read from disk
   * whose annotations were made on another version of the text), so the library's counts settle.
   */
  async settleOrphanCounts(isOpen: () => boolean, atMost = Infinity): Promise<void> {
    const unknown = await this.ctx.store.catalogue.articlesWithUnknownOrphans();
    if (unknown.length > atMost) return;
    for (const articleId of unknown) {
      if (!isOpen()) return;
      await this.forArticle(articleId).catch((error: unknown) => this.ctx.log(`could not anchor the annotations of ${articleId}`, error));
    }
  }

  /** @param id given by callers that link several new annotations to each other (rule suggestions). */
  async create(input: NewAnnotation, givenId?: string, options: ChangeOptions = {}): Promise<AnchoredAnnotation> {
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
    // A random UUID cannot collide; only an id a caller chose is looked up.
    if (givenId !== undefined && (await store.catalogue.locate(givenId)) !== null) throw new EvidentiaError('internal', `Annotation id ${givenId} is taken already.`);
    const id = givenId ?? randomUUID();
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
    await store.saveShard(shard, previous, [annotation]);
    await this.record('create', reviewer, null, annotation, options);
    // Made on the current text: it anchors where it was described (the catalogue counts it as such).
    return anchorAnnotation(annotation, article);
  }

  async update(id: string, body: AnnotationBody, options: ChangeOptions = {}): Promise<AnchoredAnnotation> {
    this.ctx.assertWritable();
    const { shard, index } = await this.find(id);
    const previous = shard.data.annotations;
    const old = previous[index]!;
    this.checkUnchanged(old, options);
    const updated: Annotation = { ...old, body: this.prepareBody(body, old.body), updated: stampAfter(old.updated) };
    shard.data.annotations = previous.map((a, i) => (i === index ? updated : a));
    await this.ctx.store.saveShard(shard, previous, [updated]);
    await this.record('update', this.ctx.defaultReviewer, old, updated, options);
    return anchorAnnotation(updated, await this.ctx.store.readArticle(updated.articleId));
  }

  async delete(id: string, options: ChangeOptions = {}): Promise<{ id: string }> {
    this.ctx.assertWritable();
    const { shard, index, location } = await this.find(id);
    const previous = shard.data.annotations;
    const old = previous[index]!;
    this.checkUnchanged(old, options);
    shard.data.annotations = previous.filter((_, i) => i !== index);
    await this.ctx.store.saveShard(shard, previous, []);
    await this.record('delete', this.ctx.defaultReviewer, old, null, options);
    await this.recountOrphans(location.articleId, location.reviewer);
    return { id };
  }

  /**
   * Put a deleted annotation back exactly as it was (same id, quote selectors, body and times), e.g.
   * to undo a delete or redo a create. Refused if its id is in use again or its article is gone.
   */
  async restore(input: Annotation, options: ChangeOptions = {}): Promise<AnchoredAnnotation> {
    this.ctx.assertWritable();
    const { store } = this.ctx;
    const annotation = stored(input);
    if (annotation.target.source !== annotation.articleId) throw new EvidentiaError('bad-input', 'The annotation\'s target is another article.');
    if ((await store.catalogue.locate(annotation.id)) !== null) {
      throw new EvidentiaError('bad-input', 'This annotation exists already (it was put back or re-created meanwhile), so it was not restored again.');
    }
    const article = await store.readArticle(annotation.articleId);
    if (!store.review.reviewers.some((r) => r.id === annotation.reviewer)) {
      await store.updateReview((review) => {
        review.reviewers.push({ id: annotation.reviewer, name: annotation.reviewer });
      });
    }
    const shard = await store.shard(article.id, annotation.reviewer, true);
    const previous = shard.data.annotations;
    shard.data.annotations = [...previous, annotation];
    await store.saveShard(shard, previous, [annotation]);
    await this.record('restore', this.ctx.defaultReviewer, null, annotation, options);
    // Its selectors may come from an older text: anchored like any stored annotation.
    const [anchored] = this.anchors.anchorAll([annotation], article);
    await this.recountOrphans(article.id, annotation.reviewer);
    return anchored!;
  }

  private checkUnchanged(current: Annotation, options: ChangeOptions): void {
    if (options.expectedUpdated === undefined || options.expectedUpdated === current.updated) return;
    const what = options.cause === 'redo' ? 'redo' : 'undo';
    throw new EvidentiaError(
      'bad-input',
      `This ${current.body.type} was changed since (last saved ${current.updated}), so the ${what} was not applied: the newer change is kept.`,
    );
  }

  private async record(action: 'create' | 'update' | 'delete' | 'restore', reviewer: string, before: Annotation | null, after: Annotation | null, options: ChangeOptions) {
    const subject = (after ?? before)!;
    await this.audit?.record({
      reviewer,
      action,
      cause: options.cause ?? 'edit',
      target: { type: 'annotation', articleId: subject.articleId, annotationId: subject.id, owner: subject.reviewer },
      before,
      after,
    });
  }

  /** One annotation by id (not anchored), or null. Used by exports to follow discrepancy links. */
  async get(id: string): Promise<Annotation | null> {
    const location = await this.ctx.store.catalogue.locate(id);
    if (!location) return null;
    const shard = await this.ctx.store.shard(location.articleId, location.reviewer);
    return shard?.data.annotations.find((a) => a.id === id) ?? null;
  }

  private async find(id: string) {
    const location = await this.ctx.store.catalogue.locate(id);
    const shard = location ? await this.ctx.store.shard(location.articleId, location.reviewer) : null;
    const index = shard ? shard.data.annotations.findIndex((a) => a.id === id) : -1;
    if (!location || !shard || index < 0) throw new EvidentiaError('not-found', `No annotation ${id} in this review.`);
    return { shard, index, location };
  }

  /** A deleted annotation may have been an orphan: anchor the shard's remaining ones again (cached anchors: cheap). */
  private async recountOrphans(articleId: string, reviewer: string): Promise<void> {
    const shard = await this.ctx.store.shard(articleId, reviewer);
    if (!shard) return;
    const anchored = this.anchors.anchorAll(shard.data.annotations, await this.ctx.store.readArticle(articleId));
    this.ctx.store.catalogue.setOrphans(articleId, reviewer, anchored.filter((a) => a.anchor.status === 'orphan').length);
  }
}
