/**
 * The in-memory full-text index of a review: two FlexSearch indexes over numeric ids, one over
 * everything (bibliographic fields + full text, so every word of a query may match in any field) and
 * one over the bibliographic fields only (a title or author match ranks first), plus the vocabulary
 * that expands the word being typed, and each article's stamp (to tell when it must be re-indexed).
 *
 * Re-indexing an article gives it a new numeric id: FlexSearch removes a document by scanning every
 * term (about 200 ms at 10,000 articles), so the superseded id is only marked stale, skipped by
 * queries, and left out when the index is written to disk.
 */
import { createFlex, documentFrequency, type Flex } from './flex.js';
import type { ParsedQuery } from './query.js';
import { detached, indexTerms } from './tokens.js';
import { Vocabulary } from './vocabulary.js';

export interface IndexDoc {
  id: string;
  stamp: string;
  /** Title, authors, journal, year, DOI … */
  bib: string;
  /** The article's readable text. */
  body: string;
}

export interface RankedHit {
  id: string;
  score: number;
}

export interface SearchOutcome {
  /** The best hits, best first. */
  hits: RankedHit[];
  /** All the hits. */
  total: number;
}

interface Scratch {
  all: Float64Array;
  bib: Float64Array;
  expansion: Float64Array;
}

/** The typed word expands to at most this many indexed words, the most frequent ones. */
export const MAX_EXPANSIONS = 24;
/** Reciprocal-rank fusion constant: how much the first places outweigh the next ones. */
const RRF_K = 60;
/** A document matching every word in its title/authors/journal gets this weight on top. */
const BIB_BOOST = 2;

export class TextIndex {
  readonly all: Flex = createFlex();
  readonly bib: Flex = createFlex();
  readonly vocabulary = new Vocabulary();
  /** Live documents: article id → numeric id and stamp. */
  readonly docs = new Map<string, { num: number; stamp: string }>();
  /** Numeric id → article id, live documents only (an array: a query looks up thousands). */
  private readonly articleOf: (string | undefined)[] = [];
  /** Numeric ids of superseded or dropped versions still inside FlexSearch. */
  readonly stale = new Set<number>();
  nextNum = 1;
  /** Bumped by every change (the saver checks nothing moved under it). */
  generation = 0;
  private scores: Scratch = { all: new Float64Array(0), bib: new Float64Array(0), expansion: new Float64Array(0) };

  get size(): number {
    return this.docs.size;
  }

  stampOf(id: string): string | undefined {
    return this.docs.get(id)?.stamp;
  }

  upsert(doc: IndexDoc): void {
    this.drop(doc.id);
    const num = this.nextNum++;
    const bibTerms = indexTerms(doc.bib);
    const allTerms = bibTerms.concat(indexTerms(doc.body));
    for (const term of new Set(allTerms)) if (!this.all.map.has(term)) this.vocabulary.add(detached(term));
    if (allTerms.length > 0) this.all.add(num, allTerms.join(' '));
    if (bibTerms.length > 0) this.bib.add(num, bibTerms.join(' '));
    this.docs.set(doc.id, { num, stamp: doc.stamp });
    this.setArticleOf(num, doc.id);
    this.generation += 1;
  }

  /** True when the article was indexed. */
  drop(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    this.docs.delete(id);
    this.articleOf[doc.num] = undefined;
    this.stale.add(doc.num);
    this.generation += 1;
    return true;
  }

  /** Restore a live document read from disk (its postings are imported separately). */
  restoreDoc(id: string, num: number, stamp: string): void {
    this.docs.set(id, { num, stamp });
    this.setArticleOf(num, id);
    this.nextNum = Math.max(this.nextNum, num + 1);
  }

  /** Fill the vocabulary from the imported postings (after a load). */
  rebuildVocabulary(): void {
    this.vocabulary.clear();
    for (const term of this.all.map.keys()) this.vocabulary.add(term);
  }

  /**
   * The live articles matching the query (and `accept`, when given): how many, and the best `limit`
   * of them, best first (equal scores in FlexSearch's order). Only those `limit` become objects: a
   * common word matches thousands of articles, and a map, an object per hit and a sort of them all
   * were most of the search's time. FlexSearch itself is still asked for every hit (no `limit`):
   * `total` counts them, and the title boost can lift a hit from anywhere in its order into the
   * best; that answer costs tens of microseconds for one word, under a millisecond for three.
   */
  search(query: ParsedQuery, limit = Infinity, accept?: (id: string) => boolean): SearchOutcome {
    const whole = query.prefix ? query.words.slice(0, -1) : query.words;
    const expansions = query.prefix ? this.expand(query.words[query.words.length - 1]!) : [];
    if (query.prefix && expansions.length === 0) return { hits: [], total: 0 };
    const { all, bib, expansion } = this.scratch();
    let clean = false;
    try {
      const nums = this.rank(this.all, whole, expansions, all, expansion);
      const bibNums = nums.length > 0 ? this.rank(this.bib, whole, expansions, bib, expansion) : [];
      const top = new TopHits(limit >= nums.length ? Infinity : limit);
      let total = 0;
      // One pass over the hits, indexed loops and typed arrays: cheap even before V8 has optimised
      // this code (the first queries after an open).
      for (let i = 0; i < nums.length; i++) {
        const num = nums[i]!;
        const score = all[num]! + BIB_BOOST * bib[num]!;
        all[num] = 0; // the scratch arrays are all zeros between queries
        const id = this.articleOf[num];
        if (id === undefined || (accept !== undefined && !accept(id))) continue; // stale, or not in the library
        total += 1;
        // Checked here, not in offer(): once the list is full, nearly every hit stops at this test.
        if (score > top.floor) top.offer(id, score);
      }
      for (let j = 0; j < bibNums.length; j++) bib[bibNums[j]!] = 0;
      clean = true;
      return { hits: top.hits(), total };
    } finally {
      // Cut short by an error, the scratch arrays may hold scores: the next query gets new ones.
      if (!clean) this.scores = { all: new Float64Array(0), bib: new Float64Array(0), expansion: new Float64Array(0) };
    }
  }

  /** Indexed words starting with `prefix`; the most frequent ones when there are too many. */
  expand(prefix: string): string[] {
    const terms = this.vocabulary.startingWith(prefix);
    if (terms.length <= MAX_EXPANSIONS) return terms;
    return terms
      .map((term) => ({ term, df: documentFrequency(this.all, term) }))
      .sort((a, b) => b.df - a.df)
      .slice(0, MAX_EXPANSIONS)
      .map((e) => e.term);
  }

  /**
   * Documents of `flex` holding every whole word and at least one expansion of the last word, in
   * FlexSearch's order (where the words first appear), each given a reciprocal-rank score in
   * `score[num]`; `best` is scratch for the expansions, left all zeros.
   */
  private rank(flex: Flex, whole: string[], expansions: string[], score: Float64Array, best: Float64Array): number[] {
    const limit = Math.max(1, flex.reg.size);
    let nums: number[] | null = null;
    if (whole.length > 0) {
      nums = flex.search(whole.join(' '), { limit });
      for (let i = 0; i < nums.length; i++) score[nums[i]!] = 1 / (RRF_K + i);
    }
    if (expansions.length > 0) {
      // A document's best place among the expansions; `seen` in order of first appearance.
      const seen: number[] = [];
      for (const term of expansions) {
        const found = flex.search(term, { limit });
        for (let i = 0; i < found.length; i++) {
          const num = found[i]!;
          const s = 1 / (RRF_K + i);
          if (best[num] === 0) seen.push(num);
          if (best[num]! < s) best[num] = s;
        }
      }
      if (nums === null) {
        for (let i = 0; i < seen.length; i++) score[seen[i]!] = best[seen[i]!]!;
        nums = seen;
      } else {
        const both: number[] = [];
        for (let i = 0; i < nums.length; i++) {
          const num = nums[i]!;
          if (best[num]! > 0) {
            score[num] = score[num]! + best[num]!;
            both.push(num);
          } else score[num] = 0;
        }
        nums = both;
      }
      for (let i = 0; i < seen.length; i++) best[seen[i]!] = 0;
    }
    return nums ?? [];
  }

  /** Filled up to `num` first: an array given far-apart indexes turns into a slower dictionary. */
  private setArticleOf(num: number, id: string): void {
    while (this.articleOf.length < num) this.articleOf.push(undefined);
    this.articleOf[num] = id;
  }

  /** Score arrays indexed by numeric id, all zeros between queries; grown with the ids. */
  private scratch(): Scratch {
    if (this.scores.all.length < this.nextNum) {
      const size = Math.ceil(this.nextNum * 1.25) + 64;
      this.scores = { all: new Float64Array(size), bib: new Float64Array(size), expansion: new Float64Array(size) };
    }
    return this.scores;
  }
}

/**
 * The best `limit` hits offered so far, kept sorted by insertion (a few dozen places, and most
 * offers fall below the last one); offers come in FlexSearch's order, so a tie goes to the earlier.
 * Without a limit everything is kept and sorted once (a stable sort: the same order).
 */
class TopHits {
  private readonly list: RankedHit[] = [];
  /** A hit must score above this to enter: the last one's score once the list is full. */
  floor = -Infinity;

  constructor(private readonly limit: number) {}

  offer(id: string, score: number): void {
    const { list, limit } = this;
    if (limit === Infinity) {
      list.push({ id, score });
      return;
    }
    if (limit <= 0 || score <= this.floor) return;
    // First place holding a lower score: after every equal one.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.score >= score) lo = mid + 1;
      else hi = mid;
    }
    if (list.length === limit) list.pop();
    list.splice(lo, 0, { id, score });
    if (list.length === limit) this.floor = list[limit - 1]!.score;
  }

  hits(): RankedHit[] {
    return this.limit === Infinity ? this.list.sort((a, b) => b.score - a.score) : this.list;
  }
}
