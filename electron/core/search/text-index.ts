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

/** The typed word expands to at most this many indexed words, the most frequent ones. */
export const MAX_EXPANSIONS = 24;
/** Reciprocal-rank fusion constant: how much the first places outweigh the next ones. */
const RRF_K = 60;
/** A document matching every word in its title/authors/journal gets this weight on top. */
const BIB_BOOST = 2;

type Ranks = Map<number, number>;

export class TextIndex {
  readonly all: Flex = createFlex();
  readonly bib: Flex = createFlex();
  readonly vocabulary = new Vocabulary();
  /** Live documents: article id → numeric id and stamp. */
  readonly docs = new Map<string, { num: number; stamp: string }>();
  /** Numeric id → article id, live documents only. */
  private readonly articleOf = new Map<number, string>();
  /** Numeric ids of superseded or dropped versions still inside FlexSearch. */
  readonly stale = new Set<number>();
  nextNum = 1;
  /** Bumped by every change (the saver checks nothing moved under it). */
  generation = 0;

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
    this.articleOf.set(num, doc.id);
    this.generation += 1;
  }

  /** True when the article was indexed. */
  drop(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    this.docs.delete(id);
    this.articleOf.delete(doc.num);
    this.stale.add(doc.num);
    this.generation += 1;
    return true;
  }

  /** Restore a live document read from disk (its postings are imported separately). */
  restoreDoc(id: string, num: number, stamp: string): void {
    this.docs.set(id, { num, stamp });
    this.articleOf.set(num, id);
    this.nextNum = Math.max(this.nextNum, num + 1);
  }

  /** Fill the vocabulary from the imported postings (after a load). */
  rebuildVocabulary(): void {
    this.vocabulary.clear();
    for (const term of this.all.map.keys()) this.vocabulary.add(term);
  }

  /** Every live article matching the query, best first. */
  search(query: ParsedQuery): RankedHit[] {
    const whole = query.prefix ? query.words.slice(0, -1) : query.words;
    const expansions = query.prefix ? this.expand(query.words[query.words.length - 1]!) : [];
    if (query.prefix && expansions.length === 0) return [];
    const ranks = this.rank(this.all, whole, expansions);
    if (ranks.size === 0) return [];
    const bibRanks = this.rank(this.bib, whole, expansions);
    const hits: RankedHit[] = [];
    for (const [num, score] of ranks) {
      const id = this.articleOf.get(num);
      if (id === undefined) continue; // a stale version
      hits.push({ id, score: score + BIB_BOOST * (bibRanks.get(num) ?? 0) });
    }
    return hits.sort((a, b) => b.score - a.score);
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
   * Documents of `flex` holding every whole word and at least one expansion of the last word, each
   * with a reciprocal-rank score (FlexSearch orders by where the words first appear).
   */
  private rank(flex: Flex, whole: string[], expansions: string[]): Ranks {
    const limit = Math.max(1, flex.reg.size);
    let ranks: Ranks | null = null;
    if (whole.length > 0) {
      ranks = new Map();
      flex.search(whole.join(' '), { limit }).forEach((num, i) => ranks!.set(num, 1 / (RRF_K + i)));
    }
    if (expansions.length > 0) {
      const best: Ranks = new Map();
      for (const term of expansions) {
        flex.search(term, { limit }).forEach((num, i) => {
          const score = 1 / (RRF_K + i);
          if ((best.get(num) ?? 0) < score) best.set(num, score);
        });
      }
      if (ranks === null) ranks = best;
      else {
        const both: Ranks = new Map();
        for (const [num, score] of ranks) {
          const other = best.get(num);
          if (other !== undefined) both.set(num, score + other);
        }
        ranks = both;
      }
    }
    return ranks ?? new Map();
  }
}
