/**
 * Close titles: two reports of one study often share most of their title's content words (the
 * intervention, the population, the condition). Pairs come from an inverted index over the rarer
 * words only, so a common word never makes every article a candidate of every other.
 */
import type { CheckedArticle } from './types.js';
import { compareStrings, normaliseText } from './util.js';

/** Dice coefficient over content words at or above which titles are "similar". */
export const TITLE_SIMILARITY = 0.75;
/** Shared content words needed besides the coefficient (short titles say too little). */
export const MIN_SHARED_WORDS = 4;
/** A word in more titles than this is too common to find candidates by (still counts in the coefficient). */
const MAX_POSTINGS = 50;

const STOP = new Set(
  (
    'a an the of in on at for with without to from by and or vs versus among after before during into than ' +
    'is are was were be been its their our this that these those as who which we study trial trials ' +
    'randomised randomized controlled phase results analysis report patients participants adults ' +
    'effect effects efficacy safety new can may how what why'
  ).split(' '),
);

/** Content words of a title: folded, no filler, simple plurals reduced ("symptoms" = "symptom"). */
export function titleWords(title: string): string[] {
  const words = normaliseText(title)
    .split(' ')
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !/(ss|is|us)$/.test(w) ? w.slice(0, -1) : w));
  return [...new Set(words)];
}

/** Pairs [a, b] (a < b by id) of articles with similar titles, in id order. */
export function titleLinks(articles: readonly CheckedArticle[]): [string, string][] {
  const words = new Map<string, Set<string>>();
  const postings = new Map<string, string[]>();
  for (const article of [...articles].sort((a, b) => compareStrings(a.id, b.id))) {
    const ws = titleWords(article.title);
    if (ws.length < MIN_SHARED_WORDS) continue;
    words.set(article.id, new Set(ws));
    for (const w of ws) {
      const list = postings.get(w);
      if (list) list.push(article.id);
      else postings.set(w, [article.id]);
    }
  }
  const out: [string, string][] = [];
  for (const [id, ws] of words) {
    const candidates = new Set<string>();
    for (const w of ws) {
      const list = postings.get(w)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const other of list) if (other > id) candidates.add(other);
    }
    for (const other of [...candidates].sort(compareStrings)) {
      const theirs = words.get(other)!;
      let shared = 0;
      for (const w of ws) if (theirs.has(w)) shared += 1;
      if (shared >= MIN_SHARED_WORDS && (2 * shared) / (ws.size + theirs.size) >= TITLE_SIMILARITY) out.push([id, other]);
    }
  }
  return out;
}
