/** Small text clean-ups shared by the citation readers: whitespace, markup, years, DOIs. */
import { decodeXML } from 'entities';

/** Collapses runs of whitespace (line breaks of wrapped fields included) and trims. */
export function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A cleaned string, or null when nothing is left (the model stores unknown as null, never ''). */
export function orNull(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const cleaned = collapse(value);
  return cleaned === '' ? null : cleaned;
}

/** Abstracts keep their paragraphs (structured abstracts: BACKGROUND, METHODS …); lines within one are joined. */
export function cleanAbstract(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const paragraphs = value.split(/\n\s*\n/).map(collapse).filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n') : null;
}

/**
 * Raw inner XML (a stop node of fast-xml-parser) as plain text: inline markup such as <i>, <sup>
 * or EndNote's <style> wrappers is dropped, then entities are decoded (in that order, so an
 * escaped "&lt;" survives as a literal "<").
 */
export function xmlText(raw: unknown): string {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') return '';
  return collapse(decodeXML(raw.replace(/<[^>]*>/g, '')));
}

/** The publication year in a free-form date ("1996 Jul 9", "2019/03//", "Spring 2001"), if plausible. */
export function yearOf(value: unknown): number | null {
  const year = typeof value === 'number' ? value : typeof value === 'string' ? Number(/\b(\d{4})\b/.exec(value)?.[1]) : NaN;
  // The model keeps 1000–3000; "0000" placeholders (Zotero, some RIS exports) mean "no year".
  return Number.isInteger(year) && year >= 1000 && year <= 3000 ? year : null;
}

/** A DOI without resolver prefixes ("https://doi.org/", "doi:"), or null when it is not one. */
export function cleanDoi(value: unknown): string | null {
  const text = orNull(value);
  if (text === null) return null;
  const doi = text.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
  return /^10\.\S+\/\S+$/.test(doi) ? doi : null;
}

/** Page ranges in the model's "45-50" form: BibTeX "--" and typographic dashes become "-". */
export function cleanPage(value: unknown): string | null {
  const text = orNull(value);
  return text === null ? null : text.replace(/\s*(--|[\u2010-\u2015])\s*/g, '-');
}

/** Keeps the first occurrence of each keyword (case-insensitive), dropping empties. */
export function uniqueKeywords(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const keyword = collapse(value);
    const key = keyword.toLowerCase();
    if (keyword === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}
