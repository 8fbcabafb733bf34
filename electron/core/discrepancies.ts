/**
 * The discrepancy board's side of the core: every discrepancy annotation as linked items, a person's
 * decisions written to every annotation of an item, and rule suggestions stored as linked
 * annotations of the reviewer "evidentia" (status suggested) — never twice for the same fingerprint,
 * whatever a person decided about the first one.
 */
import { randomUUID } from 'node:crypto';
import type { DiscrepancyReview } from '../../shared/contract.js';
import { discrepancyItems, isDiscrepancy, itemOf, linkedComponents } from '../../shared/discrepancies/items.js';
import { RULES_REVIEWER, type DiscrepancyBody, type DiscrepancyItem, type SuggestedDiscrepancy } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { articleLabel } from '../../shared/sheet/labels.js';
import type { Annotations } from './annotations.js';
import type { CoreContext } from './context.js';

export class Discrepancies {
  constructor(
    private readonly ctx: CoreContext,
    private readonly annotations: Annotations,
  ) {}

  async list(): Promise<DiscrepancyItem[]> {
    return discrepancyItems(await this.annotations.all(), this.labelOf(), this.ctx.store.review.studies);
  }

  async review(input: DiscrepancyReview): Promise<DiscrepancyItem> {
    this.ctx.assertWritable();
    const component = linkedComponents(await this.annotations.all()).find((c) => c.some((a) => a.id === input.id));
    if (!component) throw new EvidentiaError('not-found', `No discrepancy ${input.id} in this review.`);
    const change = (body: DiscrepancyBody): DiscrepancyBody => {
      switch (input.action) {
        case 'confirm':
          return { ...body, status: 'confirmed', reason: '' };
        case 'dismiss':
          return { ...body, status: 'dismissed', reason: input.reason ?? '' };
        case 'reopen':
          return { ...body, status: 'suggested', reason: '' };
        case 'edit':
          return {
            ...body,
            ...(input.kind === undefined ? {} : { kind: input.kind }),
            ...(input.note === undefined ? {} : { note: input.note }),
            ...(input.severity === undefined ? {} : { severity: input.severity }),
          };
      }
    };
    const updated = [];
    for (const a of component) updated.push(await this.annotations.update(a.id, change(a.body)));
    const fresh = updated.filter(isDiscrepancy);
    return itemOf(fresh, this.labelOf(), this.ctx.store.review.studies);
  }

  /** Store the suggestions not seen before; returns how many were added and how many were known. */
  async store(suggested: readonly SuggestedDiscrepancy[]): Promise<{ added: number; known: number }> {
    this.ctx.assertWritable();
    const known = new Set<string>();
    for (const a of await this.annotations.all()) if (isDiscrepancy(a) && a.body.fingerprint) known.add(a.body.fingerprint);
    let added = 0;
    for (const s of suggested) {
      if (known.has(s.fingerprint)) continue;
      known.add(s.fingerprint);
      const ids = s.quotes.map(() => randomUUID());
      for (const [i, quote] of s.quotes.entries()) {
        const body: DiscrepancyBody = {
          type: 'discrepancy',
          kind: s.kind,
          note: s.explanation,
          links: ids.filter((_, j) => j !== i),
          status: 'suggested',
          severity: s.severity,
          reason: '',
          fingerprint: s.fingerprint,
        };
        await this.annotations.create({ articleId: quote.articleId, start: quote.start, end: quote.end, exact: quote.exact, body, reviewer: RULES_REVIEWER }, ids[i]);
      }
      added += 1;
    }
    return { added, known: suggested.length - added };
  }

  private labelOf(): (articleId: string) => string {
    const rows = new Map(this.ctx.store.review.articles.map((r) => [r.id, r]));
    return (id) => {
      const row = rows.get(id);
      return row ? articleLabel(row) : id;
    };
  }
}
