/** A person's changes to study groups (confirm, split, join, create), persisted in review.json. */
import { randomUUID } from 'node:crypto';
import type { StudyGroupChange } from '../../shared/contract.js';
import type { StudyGroup } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { confirmGroup, createGroup, joinGroups, splitGroup, type StudyState } from '../../shared/studies/groups.js';
import type { CoreContext } from './context.js';

export class StudyGroups {
  constructor(private readonly ctx: CoreContext) {}

  async update(change: StudyGroupChange): Promise<StudyGroup[]> {
    this.ctx.assertWritable();
    const { review } = this.ctx.store;
    const indexed = new Set(review.articles.map((r) => r.id));
    const titleOf = (id: string) => review.articles.find((r) => r.id === id)?.title ?? '';
    if (change.action === 'split' || change.action === 'create') {
      for (const id of change.action === 'split' ? [change.articleId] : change.articleIds) {
        if (!indexed.has(id)) throw new EvidentiaError('not-found', `No article ${id} in this review.`);
      }
    }
    const state: StudyState = { groups: review.studies, notSameStudy: review.notSameStudy };
    let next: StudyState;
    try {
      switch (change.action) {
        case 'confirm':
          next = confirmGroup(state, change.groupId);
          break;
        case 'split':
          next = splitGroup(state, change.groupId, change.articleId);
          break;
        case 'join':
          next = joinGroups(state, change.groupId, change.otherGroupId);
          break;
        case 'create':
          next = createGroup(state, change.articleIds, change.label || titleOf(change.articleIds[0]!), randomUUID());
          break;
      }
    } catch (error) {
      // The pure operations throw RangeError for unknown groups or members: the caller's mistake.
      if (error instanceof RangeError) throw new EvidentiaError(error.message.startsWith('No ') ? 'not-found' : 'bad-input', error.message);
      throw error;
    }
    await this.ctx.store.updateReview((r) => {
      r.studies = next.groups;
      r.notSameStudy = next.notSameStudy;
    });
    return next.groups;
  }
}
