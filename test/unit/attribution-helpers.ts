import { expect } from 'vitest';
import type { AttributionFact, ArticleFacts, FactKind } from '../../shared/model/index.js';
import { findFacts } from '../../shared/extraction/attribution/index.js';

export const ID = '0123456789abcdef';

/** Facts of one article, every span checked against the text. */
export function factsOf(text: string): ArticleFacts {
  const result = findFacts(ID, text);
  for (const f of result.facts) expect(f.quote.exact).toBe(text.slice(f.quote.start, f.quote.end));
  for (const r of result.references) expect(r.quote.exact).toBe(text.slice(r.quote.start, r.quote.end));
  return result;
}

/** [value, normalised, quote, source] of the facts of a kind, in text order. */
export function summary(text: string, kind: FactKind): [string, string, string, AttributionFact['source']][] {
  return factsOf(text)
    .facts.filter((f) => f.kind === kind)
    .map((f) => [f.value, f.normalised, f.quote.exact, f.source]);
}
