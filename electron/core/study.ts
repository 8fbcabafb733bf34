/** Study-level values: one record per article, reviewer and template, kept in the reviewer's shard. */
import type { StudyValues } from '../../shared/contract.js';
import { ReviewerId, type AuditCause, type FieldValues } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { changedKeys, checkValues } from '../../shared/templates/values.js';
import type { AuditLog } from './audit/audit-log.js';
import type { CoreContext } from './context.js';
import type { Templates } from './templates.js';

export class StudyValuesService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly templates: Templates,
    /** Where each saved change is recorded (none in tests of storage alone). */
    private readonly audit: AuditLog | null = null,
  ) {}

  async get(articleId: string): Promise<StudyValues[]> {
    this.requireArticle(articleId);
    const { store } = this.ctx;
    const out: StudyValues[] = [];
    for (const reviewer of await store.shardReviewers(articleId)) {
      const shard = await store.shard(articleId, reviewer);
      for (const record of shard?.data.study ?? []) out.push({ ...record, reviewer });
    }
    return out;
  }

  /** Replace one reviewer's values for a template; `fields` is the whole set (missing keys are cleared). */
  async save(articleId: string, templateId: string, fields: FieldValues, reviewer = this.ctx.defaultReviewer, cause: AuditCause = 'edit'): Promise<StudyValues> {
    this.ctx.assertWritable();
    this.requireArticle(articleId);
    if (!ReviewerId.safeParse(reviewer).success) throw new EvidentiaError('bad-input', `Not a valid reviewer id: ${reviewer}`);
    const template = this.templates.get(templateId);
    const { store } = this.ctx;
    const existing = (await store.shard(articleId, reviewer))?.data.study.find((s) => s.template.id === templateId);
    checkValues(template, 'study', fields, changedKeys(existing?.fields ?? {}, fields));
    await this.ensureReviewer(reviewer);
    const record = { template: { id: template.id, version: template.version }, fields, updated: new Date().toISOString() };
    await store.updateShard(articleId, reviewer, (shard) => {
      shard.study = [...shard.study.filter((s) => s.template.id !== templateId), record];
    });
    await this.audit?.record({
      reviewer,
      action: existing ? 'update' : 'create',
      cause,
      target: { type: 'study', articleId, templateId: template.id, owner: reviewer },
      before: existing ?? null,
      after: record,
    });
    return { ...record, reviewer };
  }

  async ensureReviewer(reviewer: string): Promise<void> {
    const { store } = this.ctx;
    if (store.review.reviewers.some((r) => r.id === reviewer)) return;
    await store.updateReview((review) => {
      review.reviewers.push({ id: reviewer, name: reviewer });
    });
  }

  private requireArticle(articleId: string): void {
    if (!this.ctx.store.review.articles.some((a) => a.id === articleId)) throw new EvidentiaError('not-found', `No article ${articleId} in this review.`);
  }
}
