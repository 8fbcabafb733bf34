/**
 * Best-guess bibliographic fields from a document's own text: the combination every importer uses
 * after its format-specific sources (PDF info dict, HTML meta tags, front matter) have had their say.
 * Pure: no Node, no DOM, so the renderer can reuse it.
 */
import { EMPTY_BIBLIO, type ArticleMeta } from '../model/article.js';
import { authorsFromByline } from './authors.js';
import { findDoi, findDois } from './doi.js';
import { journalFromLine, type JournalGuess } from './journal.js';
import { collapseSpaces, isJunkTitle, titleFromFileName, titleFromLines } from './title.js';
import { findYears } from './year.js';

export { findDoi, findDois, normaliseDoi } from './doi.js';
export { splitAuthors, authorsFromByline } from './authors.js';
export { journalFromLine } from './journal.js';
export { isJunkTitle, looksLikeTitle, titleFromFileName, titleFromLines, collapseSpaces } from './title.js';
export { findYears, yearOfDate } from './year.js';

/** How far into a text the header (title, byline, journal line) can reach. */
const HEADER_LINES = 25;
const HEADER_CHARS = 6000;

/** Lines that date the article itself rather than something it mentions. */
const DATING_LINE = /^(published|publication date|first published|online|received|accepted)|copyright|©|\(c\) ?(19|20)\d\d/i;

/** Fields guessed from text; null / [] when the text does not say. Title is null if no line qualifies. */
export type TextGuess = Pick<ArticleMeta, 'authors' | 'journal' | 'year' | 'doi'> & { title: string | null };

export function guessFromText(text: string): TextGuess {
  const head = text.slice(0, HEADER_CHARS);
  const lines = head
    .split('\n')
    .map(collapseSpaces)
    .filter((l) => l !== '')
    .slice(0, HEADER_LINES);
  const firstLine = titleFromLines(lines);
  // A journal line ("Journal of X, 2021") at the top is the journal, not the title.
  const title = firstLine !== null && journalFromLine(firstLine) ? null : firstLine;

  let authors: string[] = [];
  let journal: string | null = null;
  let year: number | null = null;
  for (const line of lines) {
    if (title !== null && line === title) continue;
    if (authors.length === 0) authors = authorsFromByline(line) ?? [];
    if (journal === null) {
      const guess = journalFromLine(line);
      if (guess) {
        journal = guess.journal;
        year ??= guess.year;
      }
    }
  }
  if (year === null) {
    const dating = lines.find((l) => DATING_LINE.test(l) && findYears(l).length > 0);
    if (dating) year = findYears(dating)[0] ?? null;
  }

  const doi = guessDoi(head, text);
  // The line that carries the DOI (a citation line, or the one reference a news piece gives) usually
  // names the journal and year too ("… EClinicalMedicine, 2023;64:102234. doi:10.1016/…").
  if (journal === null && doi !== null) {
    const cited = journalOfReference(text, doi);
    if (cited) {
      journal = cited.journal;
      year ??= cited.year;
    }
  }
  return { title, authors, journal, year, doi };
}

/** The journal named in the line (a reference) that holds `doi`, looked for sentence by sentence. */
function journalOfReference(text: string, doi: string): JournalGuess | null {
  const line = text.split('\n').find((l) => l.includes(doi));
  if (!line) return null;
  for (const sentence of line.split(/\.\s+/)) {
    if (sentence.includes(doi)) continue;
    const guess = journalFromLine(sentence);
    if (guess) return { journal: guess.journal, year: guess.year ?? findYears(line)[0] ?? null };
  }
  return null;
}

/**
 * The DOI in the header; failing that, the only DOI anywhere in the text (a news piece that cites
 * one study). Several DOIs further down are a reference list: none of them is the article's.
 */
function guessDoi(head: string, text: string): string | null {
  const inHead = findDoi(head);
  if (inHead) return inHead;
  const all = findDois(text);
  return all.length === 1 ? (all[0] ?? null) : null;
}

/** A metadata source's opinion: any field may be missing, empty or junk. */
export interface MetaCandidate {
  title?: string | null | undefined;
  authors?: readonly string[] | null | undefined;
  journal?: string | null | undefined;
  year?: number | null | undefined;
  doi?: string | null | undefined;
}

/**
 * Field by field, the first source that has a usable value wins; the title falls back to the file
 * name, so it is never empty. Sources go from most to least trusted.
 */
export function mergeMeta(fileName: string, ...sources: MetaCandidate[]): ArticleMeta {
  const pick = <T>(get: (s: MetaCandidate) => T | null | undefined, ok: (v: T) => boolean): T | null => {
    for (const s of sources) {
      const v = get(s);
      if (v !== null && v !== undefined && ok(v)) return v;
    }
    return null;
  };
  const title = pick((s) => (s.title ? collapseSpaces(s.title) : null), (t) => !isJunkTitle(t));
  return {
    title: title ?? titleFromFileName(fileName),
    authors: [...(pick((s) => s.authors, (a) => a.length > 0) ?? [])],
    journal: pick((s) => (s.journal ? collapseSpaces(s.journal) : null), (j) => j.length > 1),
    year: pick((s) => s.year, (y) => Number.isInteger(y) && y >= 1900 && y <= 2099),
    doi: pick((s) => s.doi, (d) => d.length > 0),
    ...EMPTY_BIBLIO,
    keywords: [],
    tags: [],
  };
}
