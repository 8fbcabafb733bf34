/** Placeholder: the duplicate queue and merges (built next). */
import type { DuplicatePair, DuplicateResolution } from '../../shared/contract.js';
import type { ArticleSummary } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Annotations } from './annotations.js';
import type { CoreContext } from './context.js';

export class Duplicates {
  constructor(
    private readonly ctx: CoreContext,
    private readonly annotations: Annotations,
  ) {}

  list(_summaries: ArticleSummary[]): DuplicatePair[] {
    void this.annotations;
    return [];
  }

  async resolve(_resolution: DuplicateResolution): Promise<{ kept: string | null }> {
    this.ctx.assertWritable();
    throw new EvidentiaError('internal', 'Not built yet.');
  }
}
