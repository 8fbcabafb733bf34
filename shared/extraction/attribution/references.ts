/**
 * The article's own reference list: where it is (a "References"/"Reference:"/"Bibliography"/"Sources"
 * heading, or a run of numbered entries at the end) and what each entry says (APA, Vancouver, and
 * the "Surname, I. et al. Title. 2022. Journal 2022;387:1264-78. DOI: …" mix news sites print).
 */
import type { AttributionFact, ParsedReference } from '../../model/index.js';
import { normaliseJournal } from '../../journals/index.js';
import { fact, foldSurname, span, type Range } from './common.js';
import { findDoiSpans } from '../doi.js';

export interface ReferenceSection extends Range {
  entries: Range[];
}

const HEADING = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(References?|Bibliography|Sources?|Literature [Cc]ited|Works [Cc]ited|REFERENCES?|SOURCES?|BIBLIOGRAPHY)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?/gm;
const YEAR = /(?<![\d.])(?:19|20)\d{2}(?!\d)/;
const NUMBER_MARK = /^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+/;
/** An entry that starts like an author list: "Werth, V. P.," / "Aggarwal R," / "Aggarwal R." */
const AUTHOR_START = /^\p{Lu}[\p{L}'’-]+,?\s+(?:\p{Lu}\.?\s?-?){1,3}(?:[,.&]|\s+et al)/u;

function looksLikeReference(line: string): boolean {
  const body = line.replace(NUMBER_MARK, '');
  if (body.length < 25 || body.length > 3000 || !YEAR.test(body)) return false;
  return (
    /\b10\.\d{4,9}\//.test(body) ||
    /;\s*\d+\s*[:(]/.test(body) ||
    /\bet al\b/.test(body) ||
    /\((?:19|20)\d{2}[a-z]?\)/.test(body) ||
    AUTHOR_START.test(body)
  );
}

interface Line extends Range {
  text: string;
}

/** The lines of the text from `from` on, lazily (a caller that stops early reads no further). */
function* linesFrom(text: string, from: number): Generator<Line> {
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield { start, end, text: text.slice(start, end) };
    start = end + 1;
  }
}

/** Consecutive reference-like lines (blank lines between them allowed) from the first line on. */
function entryRun(lines: Iterable<Line>): Range[] {
  const entries: Range[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (!looksLikeReference(line.text)) break;
    const lead = line.text.length - line.text.trimStart().length;
    const trail = line.text.length - line.text.trimEnd().length;
    entries.push({ start: line.start + lead, end: line.end - trail });
  }
  return entries;
}

/** The reference list: the last heading followed by references, else numbered entries near the end. */
export function findReferenceSection(text: string): ReferenceSection | null {
  let found: ReferenceSection | null = null;
  for (const heading of text.matchAll(HEADING)) {
    const at = heading.index;
    const headEnd = at + heading[0].length;
    const lineEnd = text.indexOf('\n', headEnd);
    const rest = text.slice(headEnd, lineEnd === -1 ? text.length : lineEnd);
    // "References" alone on its line, or "Reference: <entry>" on one line.
    if (rest.trim() !== '' && !(heading[0].includes(':') && looksLikeReference(rest))) continue;
    const entries = entryRun(rest.trim() !== '' ? linesFrom(text, headEnd) : linesFrom(text, lineEnd === -1 ? text.length : lineEnd + 1));
    const last = entries.at(-1);
    if (last) found = { start: at, end: last.end, entries };
  }
  if (found) return found;
  return numberedAtEnd(text);
}

/** Without a heading: the last run of two or more numbered reference-like lines, after the first 30% of the text. */
function numberedAtEnd(text: string): ReferenceSection | null {
  const lines = linesFrom(text, 0);
  let best: Range[] = [];
  let run: Range[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (NUMBER_MARK.test(line.text) && looksLikeReference(line.text)) {
      run.push({ start: line.start + (line.text.length - line.text.trimStart().length), end: line.start + line.text.trimEnd().length });
    } else {
      if (run.length >= 2) best = run;
      run = [];
    }
  }
  if (run.length >= 2) best = run;
  const first = best[0];
  const last = best.at(-1);
  if (!first || !last || first.start < text.length * 0.3) return null;
  return { start: first.start, end: last.end, entries: best };
}

// ---- one entry --------------------------------------------------------------------------------

const SURNAME = String.raw`(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|dos|das|ter|ten)\s+)*\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*`;
/** APA: "Werth, V. P." / "Bata-Csörgő, Z." / "Dupont, J.-P." */
const APA_AUTHOR = new RegExp(String.raw`(${SURNAME}),\s*\p{Lu}\.(?:\s*-?\s*\p{Lu}\.)*`, 'uy');
/** Vancouver: "Aggarwal R" / "Charles-Schoeman C" / "van der Berg JA" (initials then , . or et al). */
const VANCOUVER_AUTHOR = new RegExp(String.raw`(${SURNAME}(?:\s+\p{Lu}[\p{Ll}'’]+)?)\s+\p{Lu}{1,4}(?=\s*[,.;]|\s+(?:et al|and|&)\b)`, 'uy');
const NEXT_AUTHOR = /\s*(?:,\s*(?:(?:&|…|\.\.\.)\s*|and\s+)*|(?:,\s*)?(?:(?:&|…|\.\.\.)\s*|and\s+)+)/y;
const ET_AL = /\s*,?\s*et\.?\s+al\b\.?/y;

interface Author {
  surname: string;
  start: number;
  end: number;
}

function sticky(pattern: RegExp, value: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(value);
}

/** The author list at the start of an entry, and where it ends. */
function readAuthors(entry: string): { authors: Author[]; end: number } {
  const authors: Author[] = [];
  let at = 0;
  let end = 0;
  for (;;) {
    const m = sticky(APA_AUTHOR, entry, at) ?? sticky(VANCOUVER_AUTHOR, entry, at);
    if (!m?.[1]) break;
    authors.push({ surname: m[1], start: at, end: at + m[0].length });
    at += m[0].length;
    end = at;
    const etAl = sticky(ET_AL, entry, at);
    if (etAl) {
      end = at + etAl[0].length;
      break;
    }
    const next = sticky(NEXT_AUTHOR, entry, at);
    if (!next || next[0] === '') break;
    at += next[0].length;
  }
  return { authors, end };
}

interface Segment {
  start: number;
  end: number;
  text: string;
}

/** Sentence-like pieces of a string, split after ". ", "? ", "! " (offsets kept). */
function segments(value: string, offset: number): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const m of value.matchAll(/[.?!]\s+(?=\S)/g)) {
    const end = m.index + 1;
    out.push({ start: offset + start, end: offset + end, text: value.slice(start, end) });
    start = m.index + m[0].length;
  }
  if (start < value.length) out.push({ start: offset + start, end: offset + value.length, text: value.slice(start) });
  return out.filter((s) => s.text.trim() !== '');
}

const YEAR_ONLY = /^\(?((?:19|20)\d{2})[a-z]?\)?\.?$/;
/** Journal + citation tail: "N Engl J Med 2022;387:1264-78", "EClinicalMedicine,2023;64(102234):102234", "Lancet, 64, 102234". */
const JOURNAL_TAIL = /^([\p{L}][^\d]*?)[\s,.;:]*(?=\d)(.*)$/su;
const SHORT_ABBREVIATION = /(?:^|\s)\p{Lu}\p{L}{0,4}\.$/u;

export interface ParsedEntry {
  reference: ParsedReference;
  facts: AttributionFact[];
}

/** One reference entry [start, end) of the text, parsed; its facts carry `index`. */
export function parseReference(text: string, range: Range, index: number): ParsedEntry {
  const raw = text.slice(range.start, range.end);
  const mark = NUMBER_MARK.exec(raw);
  const base = range.start + (mark ? mark[0].length : 0);
  const entry = text.slice(base, range.end);
  const facts: AttributionFact[] = [];

  // DOI first: everything from it (and its "https://doi.org/" / "DOI:" prefix) on is no title or journal.
  const dois = findDoiSpans(entry);
  const doi = dois[0] ?? null;
  let bodyEnd = entry.length;
  if (doi) {
    const prefix = /(?:https?:\/\/(?:dx\.)?doi\.org\/|\bdoi\s*:?\s*)$/i.exec(entry.slice(0, doi.start));
    bodyEnd = prefix ? prefix.index : doi.start;
  }
  const cut = /\b(?:PMID|PMCID|Available (?:from|at)|Retrieved from|https?:\/\/)/.exec(entry.slice(0, bodyEnd));
  if (cut) bodyEnd = cut.index;

  const { authors, end: authorsEnd } = readAuthors(entry);
  let at = authorsEnd;
  let year: { value: number; start: number; end: number } | null = null;
  const lead = /^[\s.,:]*/.exec(entry.slice(at));
  at += lead ? lead[0].length : 0;
  const apaYear = /^\(((?:19|20)\d{2})[a-z]?(?:,[^)]*)?\)\.?\s*/.exec(entry.slice(at));
  if (apaYear?.[1]) {
    year = { value: Number(apaYear[1]), start: at + 1, end: at + 5 };
    at += apaYear[0].length;
  }

  const pieces = at < bodyEnd ? segments(entry.slice(at, bodyEnd), at) : [];
  let title: string | null = null;
  let journal: { value: string; start: number; end: number } | null = null;
  let volume: string | null = null;
  let pages: string | null = null;
  let journalIndex = -1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const t = piece.text.trim();
    const only = YEAR_ONLY.exec(t);
    if (only?.[1]) {
      if (!year) {
        const s = piece.start + piece.text.indexOf(only[1]);
        year = { value: Number(only[1]), start: s, end: s + 4 };
      }
      continue;
    }
    if (i > 0 && JOURNAL_TAIL.test(t) && /^\p{L}/u.test(t)) {
      journalIndex = i;
      break;
    }
  }
  if (journalIndex === -1 && pieces.length >= 2) {
    // No volume or pages: a short capitalised piece after the title ("… Title. Lancet. 2020.").
    const i = pieces.findIndex((p, k) => k > 0 && !YEAR_ONLY.test(p.text.trim()) && /^\p{Lu}/u.test(p.text.trim()) && p.text.length <= 100 && p.text.trim().split(/\s+/).length <= 10);
    if (i > 0) journalIndex = i;
  }
  if (journalIndex > 0) {
    let first = journalIndex;
    // "N. Engl. J. Med. 2022;…" was split at its dots: join the short abbreviations back.
    while (first - 1 > 0 && SHORT_ABBREVIATION.test(pieces[first - 1]!.text.trim())) first--;
    const start = pieces[first]!.start;
    const piece = entry.slice(start, pieces[journalIndex]!.end);
    const m = JOURNAL_TAIL.exec(piece);
    const name = (m?.[1] ?? piece).replace(/[\s,.;:]+$/, '').replace(/^[\s,.;:]+/, '');
    const nameStart = start + piece.indexOf(name);
    if (name.length >= 2 && name.length <= 120 && name.split(/\s+/).length <= 14) {
      journal = { value: name, start: nameStart, end: nameStart + name.length };
    }
    const tail = m?.[2] ?? '';
    const tailStart = start + (m ? piece.length - tail.length : piece.length);
    const cite = /^(?:((?:19|20)\d{2})[a-z]?(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*[;,.:]?\s*)?(?:vol\.?\s*)?(\d+[A-Za-z]?)?\s*(?:\([^)]*\))?\s*(?:[:,]\s*(?:pp?\.\s*)?([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?/.exec(tail);
    if (cite) {
      if (cite[1]) year = { value: Number(cite[1]), start: tailStart, end: tailStart + 4 };
      volume = cite[2] ?? null;
      pages = cite[3]?.replace(/\s+/g, '') ?? null;
    }
    // The title: the pieces before the journal, up to a year standing alone ("Title. 2022. N Engl J Med …").
    let titleEnd = 0;
    while (titleEnd < first && !YEAR_ONLY.test(pieces[titleEnd]!.text.trim())) titleEnd++;
    if (titleEnd > 0) {
      const t = entry.slice(pieces[0]!.start, pieces[titleEnd - 1]!.end).trim().replace(/\.$/, '');
      title = t === '' ? null : t;
    }
  } else if (pieces[0]) {
    title = pieces[0].text.trim().replace(/\.$/, '') || null;
  }
  if (!year) {
    const y = YEAR.exec(entry.slice(authorsEnd, bodyEnd));
    if (y) year = { value: Number(y[0]), start: authorsEnd + y.index, end: authorsEnd + y.index + 4 };
  }

  const normalisedJournal = journal ? normaliseJournal(journal.value) : null;
  const reference: ParsedReference = {
    quote: span(text, range.start, range.end),
    authors: authors.map((a) => a.surname),
    title,
    journal: journal?.value ?? null,
    journalNormalised: normalisedJournal?.canonical ?? null,
    year: year?.value ?? null,
    volume,
    pages,
    doi: doi?.doi ?? null,
  };
  if (journal && normalisedJournal) {
    facts.push(fact('journal', 'reference', journal.value, normalisedJournal.key, span(text, base + journal.start, base + journal.end), index));
  }
  if (year) facts.push(fact('year', 'reference', String(year.value), String(year.value), span(text, base + year.start, base + year.end), index));
  const first = authors[0];
  if (first) {
    const written = entry.slice(first.start, first.end);
    facts.push(fact('lead-author', 'reference', first.surname, foldSurname(first.surname), span(text, base + first.start, base + first.start + written.length), index));
  }
  if (doi) facts.push(fact('doi', 'reference', doi.doi, doi.doi.toLowerCase(), span(text, base + doi.start, base + doi.end), index));
  return { reference, facts };
}
