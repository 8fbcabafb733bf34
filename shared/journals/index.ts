/**
 * Journal names normalised with the bundled list (NEJM = N Engl J Med = New England Journal of
 * Medicine). The list (journal-list.json) is derived from the CC0 JabRef abbreviation lists by
 * build/journals.mjs; the hand-written acronyms (acronyms.ts) come first. The lookup table is built
 * once, on first use: one Map from every folded spelling to its canonical name.
 */
import list from './journal-list.json' with { type: 'json' };
import { JOURNAL_ACRONYMS } from './acronyms.js';
import { foldJournal, mainTitle, withoutQualifier } from './fold.js';

export { foldJournal } from './fold.js';

export interface NormalisedJournal {
  /** The canonical (full) name when the list knows the journal, else the cleaned name as written. */
  canonical: string;
  /** Comparable key: canonical name folded (lowercase, no accents, no punctuation, no leading "The"). */
  key: string;
  known: boolean;
}

let table: Map<string, string> | null = null;

function lookupTable(): Map<string, string> {
  if (table) return table;
  const map = new Map<string, string>();
  for (const [canonical, ...spellings] of JOURNAL_ACRONYMS) {
    if (canonical === undefined) continue;
    for (const spelling of [canonical, ...spellings]) {
      const key = foldJournal(spelling);
      if (!map.has(key)) map.set(key, canonical);
    }
  }
  const journals: readonly (string | readonly string[])[] = list.journals;
  for (const row of journals) {
    const spellings = typeof row === 'string' ? [row] : row;
    const keys = spellings.map(foldJournal);
    // A row that shares a spelling with a hand-written one is that journal: its other spellings join it.
    const owner = keys.map((k) => map.get(k)).find((c) => c !== undefined) ?? spellings[0];
    if (owner === undefined) continue;
    for (const key of keys) if (key !== '' && !map.has(key)) map.set(key, owner);
  }
  table = map;
  return map;
}

/** The canonical name of a journal spelled exactly this way (up to folding), else null. */
export function knownJournal(name: string): string | null {
  const key = foldJournal(name);
  return key === '' ? null : (lookupTable().get(key) ?? null);
}

/** Whitespace, surrounding quotes/emphasis and trailing sentence punctuation off a written name. */
function clean(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’*_]+|["'“”‘’*_]+$/g, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
}

export function normaliseJournal(name: string): NormalisedJournal {
  const cleaned = clean(name);
  for (const candidate of [cleaned, withoutQualifier(cleaned), mainTitle(cleaned), withoutQualifier(mainTitle(cleaned))]) {
    const canonical = knownJournal(candidate);
    if (canonical !== null) return { canonical, key: foldJournal(canonical), known: true };
  }
  return { canonical: cleaned, key: foldJournal(cleaned), known: false };
}
