/**
 * Journal names in the header lines of an article ("Journal of X, 2021", "N Engl J Med 2022;387:1264",
 * "IEEE TRANSACTIONS ON ..., VOL. 14"). Only short lines are considered, so a sentence that mentions
 * a journal ("was published in The Lancet by …") is not mistaken for the article's own journal.
 */
import { findYears } from './year.js';

/** Words that make a short line a journal name wherever they occur. */
const STRONG = /\b(journal|annals|archives|proceedings|transactions|bulletin|lancet|bmj|jama|plos|cochrane|eclinicalmedicine|acta|zeitschrift)\b/i;
/** Abbreviated titles: "N Engl J Med", "J Am Acad Dermatol", "Br J Dermatol" (case matters here). */
const ABBREVIATED = /\bJ\.? [A-Z][a-z]+|\b[A-Z][a-z]*\.? J\b/;
/** Words that name a journal only in a short capitalised piece ("Nature", "Science Advances"). */
const WEAK = /\b(nature|science|medicine|letters|review|reports|research)\b/i;

/** What follows the name: volume, issue, pages, dates. */
const TAIL = /(\s*[,;:(]?\s*(\bvol\b\.?|\bvolume\b|\bno\.|\bissue\b|\bpp?\.|\bpages?\b|\bdoi\b|https?:|\b(19|20)\d{2}\b|\b\d+\s*[(:;]).*)$/i;

/** Where the first capitalised journal keyword (or abbreviated title) starts, or null. */
function keywordIndex(text: string): number | null {
  const strong = [...text.matchAll(new RegExp(STRONG.source, 'gi'))].find((m) => /^\p{Lu}/u.test(m[0]));
  const abbreviated = ABBREVIATED.exec(text);
  const found = [strong?.index, abbreviated?.index].filter((i): i is number => i !== undefined);
  return found.length > 0 ? Math.min(...found) : null;
}

export interface JournalGuess {
  journal: string;
  year: number | null;
}

export function journalFromLine(line: string): JournalGuess | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length < 4 || text.length > 160) return null;
  // Pieces of a citation line: "Journal of X, 2021" / "BMJ | Vol 3" / "Lancet 2020; 395: 1".
  for (const piece of text.split(/\s*[,;|•·]\s*/)) {
    const journal = piece.replace(TAIL, '').replace(/^(published in|in|source:)\s+/i, '').trim();
    // Journal names are capitalised ("Archives of …", not "digital archives into …").
    if (!/^\p{Lu}/u.test(journal)) continue;
    const weakOk = WEAK.test(journal) && journal.split(' ').length <= 4;
    const at = keywordIndex(journal);
    if (at === null && !weakOk) continue;
    // Only capitalised words may precede the keyword ("The Lancet", "IEEE Transactions"); lowercase
    // ones mean a sentence that mentions a journal ("This study was published in The Lancet").
    if (at !== null && !journal.slice(0, at).trim().split(' ').every((w) => w === '' || /^[\p{Lu}\d]/u.test(w))) continue;
    if (journal.length < 3 || journal.length > 120 || !/\p{L}{2}/u.test(journal)) continue;
    // A journal name is a name, not a sentence: few lowercase function words in a row.
    if (journal.split(' ').length > 20 || (/\.$/.test(journal) && !/\b[A-Z][a-z]*\.$/.test(journal))) continue;
    const year = findYears(text)[0] ?? null;
    return { journal, year };
  }
  return null;
}
