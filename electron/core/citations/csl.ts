/**
 * CSL-JSON → the model's bibliographic fields. citation-js turns BibTeX and RIS into CSL-JSON, and
 * the XML/MEDLINE readers build CSL-shaped items too, so this is the one place fields are mapped.
 */
import { plugins, type CslItem } from '@citation-js/core';
// Registering the plugins is a side effect of importing them.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationRecord } from './types.js';
import { cleanAbstract, cleanDoi, cleanPage, collapse, orNull, uniqueKeywords, yearOf } from './text.js';

export type { CslItem };

/** citation-js parses `input` (BibTeX text, RIS text, CSL-JSON …) into CSL-JSON items; throws on syntax errors. */
export function citationJs(input: unknown): CslItem[] {
  return plugins.input.chain(input, { generateGraph: false });
}

interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  suffix?: unknown;
  'non-dropping-particle'?: unknown;
  'dropping-particle'?: unknown;
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? collapse(String(value)) : '');

/**
 * A CSL name as "Family, Given" (the model's form). Particles that belong to the family name
 * ("von Helmholtz") stay in front of it, as BibTeX writes them; a suffix follows the given name as
 * in RIS ("Doe, John, Jr."); organisations (literal, or family without given) are kept whole.
 */
export function formatName(name: CslName): string | null {
  const literal = str(name.literal);
  if (literal) return literal;
  const family = [str(name['non-dropping-particle']), str(name.family)].filter(Boolean).join(' ');
  const given = [str(name.given), str(name['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = str(name.suffix);
  if (!family) return given || null;
  return [family, given, suffix].filter(Boolean).join(', ');
}

export function formatNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((name) => (name && typeof name === 'object' ? formatName(name as CslName) : null)).filter((name): name is string => name !== null);
}

function issuedYear(issued: unknown): number | null {
  if (!issued || typeof issued !== 'object') return yearOf(issued);
  const date = issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const first: unknown = parts[0][0];
    const year = yearOf(typeof first === 'string' ? Number(first) : first);
    if (year !== null) return year;
  }
  return yearOf(date.raw) ?? yearOf(date.literal);
}

/** CSL `keyword` is one string; exporters separate keywords with commas or semicolons. */
function splitKeywords(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str);
  return typeof value === 'string' ? value.split(/[;,]/) : [];
}

/** Titles: whitespace collapsed, and a BibTeX brace-protected title's stray outer spaces gone. */
function cleanTitle(value: unknown): string {
  return str(Array.isArray(value) ? value[0] : value);
}

const PERIODICALS = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'article', 'periodical']);

export interface CslExtras {
  /** Keywords read directly from the source (MeSH terms keep their commas). */
  keywords?: string[];
}

/** One CSL item as a citation record. `extras.keywords` replaces the CSL `keyword` string when given. */
export function cslToRecord(item: CslItem, record: number, extras: CslExtras = {}): CitationRecord {
  // An abbreviation stands in for a missing journal name only for periodicals: for a book, RIS J2 /
  // CSL container-title-short is an abbreviated title of the book itself, not where it appeared.
  const type = orNull(item.type);
  const abbreviation = type !== null && PERIODICALS.has(type) ? (orNull(item['container-title-short']) ?? orNull(item['journalAbbreviation'])) : null;
  const journal = orNull(cleanTitle(item['container-title'])) ?? abbreviation;
  const keywords = extras.keywords ?? splitKeywords(item.keyword);
  return {
    record,
    meta: {
      title: cleanTitle(item.title),
      authors: formatNames(item.author),
      journal,
      year: issuedYear(item.issued),
      doi: cleanDoi(item.DOI),
      pmid: orNull(item.PMID),
      volume: orNull(item.volume),
      issue: orNull(item.issue),
      page: cleanPage(item.page),
      url: orNull(item.URL),
      type,
      keywords: uniqueKeywords(keywords),
    },
    abstract: cleanAbstract(item.abstract),
  };
}

/** True when a record carries nothing a reviewer could recognise it by. */
export function isBlank(record: CitationRecord): boolean {
  const { meta } = record;
  return meta.title === '' && meta.authors.length === 0 && !meta.doi && !meta.pmid && !meta.journal && !record.abstract;
}
