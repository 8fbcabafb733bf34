/** Journal names normalised with the bundled list (NEJM = N Engl J Med = New England Journal of Medicine). */
export interface NormalisedJournal {
  /** The canonical (full) name when the list knows the journal, else the cleaned name as written. */
  canonical: string;
  /** Comparable key: canonical name folded (lowercase, no accents, no punctuation, no leading "The"). */
  key: string;
  known: boolean;
}

export function normaliseJournal(name: string): NormalisedJournal {
  const canonical = name.trim(); // SCAFFOLD: replaced by the list lookup in this session
  return { canonical, key: canonical.toLowerCase(), known: false };
}
