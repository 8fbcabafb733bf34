/**
 * Which records are the same article, by Zotero's rule (chrome/content/zotero/xpcom/duplicates.js):
 *
 * 1. Identifiers: the same DOI (case-insensitive), else the same PMID → an identifier match, merged
 *    without asking. A PMID match whose DOIs are both present and differ is not trusted.
 * 2. Fuzzy: the same normalised title, AND no conflicting identifier (both DOIs present and
 *    different, or both PMIDs present and different, rule them out), AND years within one of each
 *    other when both are known (a missing year does not rule a pair out), AND one author in common
 *    by family name + first initial. → a candidate for a person to decide.
 *
 * Where we depart from Zotero, on purpose: Zotero matches two records with no authors at all but
 * never one with authors against one without. Our text importers often cannot find the authors of a
 * PDF or web page that a citation record lists in full, and a fuzzy match only goes to a review
 * queue, so a record without authors matches on title + year alone — provided the title has at
 * least MIN_TITLE_WORDS_WITHOUT_AUTHORS words, so "Editorial" or "Reply" never pair up.
 *
 * Pairs a person marked "not duplicates" are never proposed again, identifier or fuzzy.
 */
import { normaliseDoi, normalisePmid, normaliseTitle, parseName, shareAnAuthor, type PersonName } from './normalise.js';

export { normaliseDoi, normalisePmid, normaliseTitle, normaliseText, parseName, surnames, shareAnAuthor } from './normalise.js';
export type { PersonName } from './normalise.js';

/** What matching needs of a record: an ArticleIndexEntry or Article fits. */
export interface MatchRecord {
  id: string;
  title: string;
  year: number | null;
  authors: readonly string[];
  doi: string | null;
  pmid: string | null;
}

export interface IdentifierMatch {
  id: string;
  reason: 'doi' | 'pmid';
}

export interface FuzzyMatch {
  id: string;
  reason: 'title-year-author';
}

export interface MatchResult {
  /** The record with the same DOI (or PMID): merge automatically. */
  identifier: IdentifierMatch | null;
  /** Records that look the same by title, year and author: queue for a person. Never includes `identifier`. */
  fuzzy: FuzzyMatch[];
}

/** A title shorter than this (in words) needs an author in common to match. */
export const MIN_TITLE_WORDS_WITHOUT_AUTHORS = 3;

/** A pair's ids in sorted order, as DuplicateState.notDuplicates stores them. */
export function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** One string per unordered pair, for sets. */
export function pairKey(a: string, b: string): string {
  const [x, y] = sortedPair(a, b);
  return `${x}|${y}`;
}

interface Prepared {
  id: string;
  doi: string | null;
  pmid: string | null;
  title: string;
  titleWords: number;
  year: number | null;
  names: PersonName[];
}

function prepare(record: MatchRecord): Prepared {
  const title = normaliseTitle(record.title);
  return {
    id: record.id,
    doi: normaliseDoi(record.doi),
    pmid: normalisePmid(record.pmid),
    title,
    titleWords: title === '' ? 0 : title.split(' ').length,
    year: record.year,
    names: record.authors.map(parseName).filter((n) => n.family !== ''),
  };
}

function conflicting(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** The fuzzy rule for two records whose normalised titles are already known to be equal. */
function fuzzyMatch(a: Prepared, b: Prepared): boolean {
  if (a.title === '') return false;
  if (conflicting(a.doi, b.doi) || conflicting(a.pmid, b.pmid)) return false;
  if (a.year !== null && b.year !== null && Math.abs(a.year - b.year) > 1) return false;
  if (a.names.length === 0 || b.names.length === 0) return a.titleWords >= MIN_TITLE_WORDS_WITHOUT_AUTHORS;
  return shareAnAuthor(a.names, b.names);
}

function addTo(map: Map<string, Set<string>>, key: string | null, id: string): void {
  if (key === null || key === '') return;
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string | null, id: string): void {
  if (key === null || key === '') return;
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}

/**
 * The review's records keyed by DOI, PMID and normalised title, so each new record is checked in
 * constant time rather than against every article. Build it once per import batch from
 * review.json's article index and `add` each record as it is committed.
 */
export class DuplicateIndex {
  private readonly records = new Map<string, Prepared>();
  private readonly byDoi = new Map<string, Set<string>>();
  private readonly byPmid = new Map<string, Set<string>>();
  private readonly byTitle = new Map<string, Set<string>>();

  constructor(records: Iterable<MatchRecord> = []) {
    for (const record of records) this.add(record);
  }

  get size(): number {
    return this.records.size;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  /** Add a record, or replace the one with its id (after its fields changed). */
  add(record: MatchRecord): void {
    this.remove(record.id);
    const p = prepare(record);
    this.records.set(p.id, p);
    addTo(this.byDoi, p.doi, p.id);
    addTo(this.byPmid, p.pmid, p.id);
    addTo(this.byTitle, p.title, p.id);
  }

  remove(id: string): void {
    const p = this.records.get(id);
    if (!p) return;
    this.records.delete(id);
    removeFrom(this.byDoi, p.doi, id);
    removeFrom(this.byPmid, p.pmid, id);
    removeFrom(this.byTitle, p.title, id);
  }

  /**
   * The records `candidate` duplicates (it need not be in the index; if it is, it never matches
   * itself). `notDuplicates` holds the pairs a person ruled out. Results are in id order.
   */
  find(candidate: MatchRecord, notDuplicates: Iterable<readonly [string, string]> = []): MatchResult {
    const c = prepare(candidate);
    const ruledOut = new Set<string>();
    for (const [a, b] of notDuplicates) {
      if (a === c.id) ruledOut.add(b);
      else if (b === c.id) ruledOut.add(a);
    }
    const eligible = (ids: Set<string> | undefined): Prepared[] =>
      [...(ids ?? [])]
        .filter((id) => id !== c.id && !ruledOut.has(id))
        .sort()
        .map((id) => this.records.get(id)!);

    let identifier: IdentifierMatch | null = null;
    const byDoi = c.doi === null ? [] : eligible(this.byDoi.get(c.doi));
    if (byDoi[0]) identifier = { id: byDoi[0].id, reason: 'doi' };
    else if (c.pmid !== null) {
      const byPmid = eligible(this.byPmid.get(c.pmid)).filter((r) => !conflicting(r.doi, c.doi));
      if (byPmid[0]) identifier = { id: byPmid[0].id, reason: 'pmid' };
    }

    const fuzzy: FuzzyMatch[] = [];
    if (c.title !== '') {
      for (const r of eligible(this.byTitle.get(c.title))) {
        if (r.id !== identifier?.id && fuzzyMatch(c, r)) fuzzy.push({ id: r.id, reason: 'title-year-author' });
      }
    }
    return { identifier, fuzzy };
  }
}
