/**
 * The model's bibliographic fields → CSL-JSON, the inverse of csl.ts, so the RIS and BibTeX
 * writers can let citation-js do the format-specific work (type mapping, LaTeX escaping, dates).
 */
import type { CslItem } from '@citation-js/core';
import type { ArticleMeta } from '../../../shared/model/article.js';

/** "Family, Given" / "Family, Given, Suffix" → a CSL name; a name without a comma is an organisation. */
export function parseName(name: string): CslItem {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length < 2 || !parts[0]) return { literal: name.trim() };
  const [family, given, ...suffix] = parts;
  return { family, given, ...(suffix.length ? { suffix: suffix.join(', ') } : {}) };
}

/** Reference managers choke on line breaks inside most fields; one line each. */
export const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** CSL type when the model does not know one: a journal article if there is a journal, else a generic document. */
export function cslType(meta: ArticleMeta): string {
  return meta.type ?? (meta.journal ? 'article-journal' : 'document');
}

/** The bibliographic core of `meta` as CSL-JSON (no keywords, notes or abstract: each writer adds those its own way). */
export function metaToCsl(id: string, meta: ArticleMeta): CslItem {
  const item: CslItem = { id, type: cslType(meta), title: oneLine(meta.title) };
  if (meta.authors.length) item.author = meta.authors.map(parseName);
  if (meta.journal) item['container-title'] = oneLine(meta.journal);
  if (meta.year !== null) item.issued = { 'date-parts': [[meta.year]] };
  if (meta.doi) item.DOI = meta.doi.trim();
  if (meta.pmid) item.PMID = meta.pmid.trim();
  if (meta.volume) item.volume = oneLine(meta.volume);
  if (meta.issue) item.issue = oneLine(meta.issue);
  if (meta.page) item.page = oneLine(meta.page);
  if (meta.url) item.URL = meta.url.trim();
  return item;
}

/** Source keywords, then the reviewers' tags, without repeats (case-insensitive). */
export function keywordsAndTags(meta: ArticleMeta): string[] {
  const seen = new Set<string>();
  return [...meta.keywords, ...meta.tags].map(oneLine).filter((k) => {
    const key = k.toLowerCase();
    if (!k || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
