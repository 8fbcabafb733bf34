/**
 * The FlexSearch index as this code uses it. FlexSearch (0.8, pinned) was chosen over MiniSearch
 * after measuring both on 10,000 synthetic articles (75% abstracts, 25% full texts of 15–60 KB):
 * MiniSearch held 402 MB of heap for the index (a JS Map per term and field, an entry per document)
 * and answered common two-word queries in 64 ms at p95 before any snippet; FlexSearch held 170 MB
 * (plain arrays of numeric ids, bucketed by score) and answers in about 1 ms.
 */
import { Index } from 'flexsearch';
import { detached } from './tokens.js';

/** Score buckets: a term's bucket is where it first appears in the document (earlier ranks higher). */
export const RESOLUTION = 9;

/** Bump with the FlexSearch version or options: a persisted index of another engine is rebuilt. */
export const ENGINE = 'flexsearch 0.8.212 strict r9';

/** Posting lists of one term: slot = score bucket, each a list of numeric document ids. */
export type Slots = (number[] | null | undefined)[];

export interface Flex {
  add(id: number, content: string): unknown;
  remove(id: number): unknown;
  search(query: string, options: { limit: number }): number[];
  /** FlexSearch's own import of what its export writes ("map" entries, "reg" ids); we hand it parsed chunks. */
  import(key: 'map' | 'reg', data: unknown[]): void;
  /**
   * The structures FlexSearch's export() serialises. Read directly so a save can be written in
   * small pieces between other work (export() stringifies 125,000 terms at once at this size).
   */
  readonly map: Map<string, Slots>;
  readonly reg: Set<number>;
}

export function createFlex(): Flex {
  return new Index({
    tokenize: 'strict',
    resolution: RESOLUTION,
    // Content arrives already tokenised and folded (tokens.ts), one space between terms. New terms
    // become keys of the index, so they must not be views into the (large) content string.
    encode: (content: string) => (content === '' ? [] : content.split(' ').map(detached)),
    cache: false,
  }) as unknown as Flex;
}

/** Documents containing `term` (stale versions included: an upper bound, used to rank expansions). */
export function documentFrequency(flex: Flex, term: string): number {
  let n = 0;
  for (const slot of flex.map.get(term) ?? []) n += slot?.length ?? 0;
  return n;
}
