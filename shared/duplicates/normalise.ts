/**
 * Keys for duplicate detection: DOIs, PMIDs, titles and author surnames reduced to the form two
 * records of one article share however their sources printed them.
 */
import { findDoi } from '../extraction/doi.js';

/**
 * "https://doi.org/10.1056/NEJMoa2117912", "doi:10.1056/nejmoa2117912." → "10.1056/nejmoa2117912".
 * DOIs are case-insensitive, so the key is lower case; null when the value holds no DOI.
 */
export function normaliseDoi(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim();
  // A DOI copied out of a URL may be percent-encoded ("10.1000%2Fxyz").
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // not valid percent-encoding: use it as written
    }
  }
  return findDoi(text)?.toLowerCase() ?? null;
}

/** "PMID: 0012345", "https://pubmed.ncbi.nlm.nih.gov/12345/" → "12345"; null when it is no PMID. */
export function normalisePmid(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value
    .trim()
    .replace(/^https?:\/\/(www\.)?(pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\//i, '')
    .replace(/^pmid\s*[:=]?\s*/i, '')
    .replace(/[\s/.;,]+$/, '');
  if (!/^\d{1,10}$/.test(text)) return null;
  const digits = text.replace(/^0+/, '');
  return digits === '' ? null : digits;
}

/** Letters NFKD leaves whole, spelled as ASCII. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML tags and entities, and LaTeX markup, that citation files leave in titles. */
function stripMarkup(text: string): string {
  return (
    text
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
      .replace(/&#(\d{1,7});/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
      // &eacute; &iuml; …: the letter (its accent would be stripped anyway).
      .replace(/&([a-z])(acute|grave|circ|uml|tilde|cedil|ring|slash|caron);/gi, '$1')
      .replace(/&([a-z]+);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? ' ')
      // LaTeX accents: \"{o}, {\"o}, \'e, \c{c} → the letter (the accent goes with the other marks).
      .replace(/\\([ij])(?![A-Za-z])/g, '$1')
      .replace(/\\[`'^"~=.]\s*\{?([A-Za-z])\}?/g, '$1')
      .replace(/\\[uvHcdbkr](?:\{([A-Za-z])\}|\s+([A-Za-z])(?![A-Za-z]))/g, '$1$2')
      // \emph{…}, \textit{…}: keep the argument, drop the command; $…$ math delimiters go too.
      .replace(/\\[A-Za-z]+\*?/g, ' ')
      .replace(/[{}$]/g, '')
  );
}

/** Case, accents, punctuation and spacing removed: the form Zotero compares titles (and names) in. */
export function normaliseText(value: string | null | undefined): string {
  if (!value) return '';
  return stripMarkup(value)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A title as compared for duplicates: "The <i>Effect</i> of Café…" and "the effect of cafe" agree. */
export function normaliseTitle(value: string | null | undefined): string {
  return normaliseText(value);
}

/** Lower-case name particles that belong to the family name ("Ludwig van Beethoven"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'dos', 'das', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'st', 'zu', 'af', 'av']);

/** Name suffixes that are neither family nor given name. */
const SUFFIXES = /^(jr|sr|ii|iii|iv|md|phd|mph|msc|bsc|frcp|frcs|rn)\.?$/i;

/** "GI", "G.I.", "J-P", "JA." — a Vancouver-style initials block. */
const INITIALS = /^(\p{Lu}\.?-?){1,3}$/u;

export interface PersonName {
  /** Normalised family name without particles ("van der Berg" → "berg"); '' when none. */
  family: string;
  /** First letter of the normalised given name, or null when unknown. */
  initial: string | null;
}

function familyKey(family: string): string {
  const words = normaliseText(family).split(' ').filter(Boolean);
  const core = words.filter((w) => !PARTICLES.has(w));
  return (core.length > 0 ? core : words).join(' ');
}

function initialOf(given: string): string | null {
  return normaliseText(given).charAt(0) || null;
}

/**
 * One author as citation files and bylines write it: "Family, Given", "Family GI" (Vancouver),
 * "Given Family", "Given van der Family"; a lone word is a family name (or an organisation).
 */
export function parseName(raw: string): PersonName {
  const name = raw.replace(/\s+/g, ' ').trim();
  const comma = name.split(/\s*,\s*/).filter((p) => p !== '' && !SUFFIXES.test(p));
  if (comma.length >= 2) return { family: familyKey(comma[0]!), initial: initialOf(comma[1]!) };
  const words = (comma[0] ?? '').split(' ').filter((w) => w !== '' && !SUFFIXES.test(w));
  if (words.length === 0) return { family: '', initial: null };
  if (words.length === 1) return { family: familyKey(words[0]!), initial: null };
  const last = words[words.length - 1]!;
  if (INITIALS.test(last)) return { family: familyKey(words.slice(0, -1).join(' ')), initial: initialOf(last) };
  // "Given [particles] Family": the family starts at the first lower-case particle, else is the last word.
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase()) && words[start - 1] === words[start - 1]!.toLowerCase()) start -= 1;
  return { family: familyKey(words.slice(start).join(' ')), initial: initialOf(words.slice(0, start).join(' ')) };
}

/** Normalised family names of an author list, in order, without empties. */
export function surnames(authors: readonly string[]): string[] {
  return authors.map((a) => parseName(a).family).filter((f) => f !== '');
}

/**
 * Zotero's creator test: at least one author in common by family name and first initial. An
 * initial missing on either side ("Doe" vs "Doe, Jane") does not count against the match.
 */
export function shareAnAuthor(a: readonly PersonName[], b: readonly PersonName[]): boolean {
  return a.some((x) => x.family !== '' && b.some((y) => y.family === x.family && (x.initial === null || y.initial === null || x.initial === y.initial)));
}
