/**
 * Merging two records of one article. The kept record's values win, except where the other's are
 * richer: a missing value is filled, a truncated title or page range is completed, the longer author
 * list is taken, keywords and tags are unioned. Nothing the other record holds is dropped: its files
 * become attachments, and when the kept record is a citation without full text while the other has
 * the full text, the merged record takes that text (so the article can be read and annotated).
 */
import type { Article, ArticleMeta, SourceFile } from '../model/article.js';
import { normaliseText } from './normalise.js';

/** Text fields that may be cut short in one source ("A trial of IVIg in…", "45" for "45-52"). */
const COMPLETABLE = ['title', 'journal', 'page'] as const;
/** Fields where the kept value wins whenever it has one. */
const FILLABLE = ['journal', 'year', 'doi', 'pmid', 'volume', 'issue', 'page', 'url', 'type'] as const;

function strip(value: string): string {
  return value.replace(/\s*(\.\.\.|…)\s*$/u, '').trim();
}

/**
 * The richer of two values of a text field: `other` when `keep` is empty, or when `other` is
 * longer and begins with everything `keep` says (keep was truncated); otherwise `keep`.
 */
export function richerText(keep: string | null, other: string | null): string | null {
  if (keep === null || keep.trim() === '') return other !== null && other.trim() !== '' ? other : keep;
  if (other === null) return keep;
  const k = normaliseText(strip(keep));
  const o = normaliseText(other);
  return o.length > k.length && k !== '' && o.startsWith(k) ? other : keep;
}

/** Union of two lists, case-insensitively, keeping the first spelling and the kept list's order. */
export function unionCaseless(keep: readonly string[], other: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of [...keep, ...other]) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/**
 * `keep` with bibliographic fields completed from `other`. Works on any record carrying the
 * ArticleMeta fields (Article, index row): the rest of `keep` is returned unchanged.
 */
export function mergeBiblio<T extends ArticleMeta>(keep: T, other: ArticleMeta): T {
  const out: T = { ...keep };
  for (const field of FILLABLE) {
    if (out[field] === null && other[field] !== null) (out as ArticleMeta)[field] = other[field] as never;
  }
  for (const field of COMPLETABLE) (out as ArticleMeta)[field] = richerText(out[field], other[field]) as never;
  if (out.title.trim() === '') out.title = other.title;
  if (other.authors.length > keep.authors.length) out.authors = [...other.authors];
  out.keywords = unionCaseless(keep.keywords, other.keywords);
  out.tags = unionCaseless(keep.tags, other.tags);
  return out;
}

/** The kept abstract, or the other one when the kept is missing or a truncated copy of it. */
export function mergeAbstract(keep: string | null, other: string | null): string | null {
  const merged = richerText(keep, other);
  return merged === null || merged.trim() === '' ? null : merged;
}

/** Files with a sha256 already in `taken` (or repeated) left out, order kept. */
function newFiles(files: readonly SourceFile[], taken: Set<string>): SourceFile[] {
  const out: SourceFile[] = [];
  for (const file of files) {
    if (taken.has(file.sha256)) continue;
    taken.add(file.sha256);
    out.push(file);
  }
  return out;
}

/** True when an article has readable full text rather than a citation record's abstract (or nothing). */
export function hasFullText(article: Pick<Article, 'kind' | 'text' | 'noTextLayer'>): boolean {
  return article.kind !== 'citation' && !article.noTextLayer && article.text.trim() !== '';
}

/**
 * `keep` after absorbing `other`: merged bibliographic fields and abstract, and every file of
 * both (each sha256 once). When `keep` has no full text and `other` has, the result takes
 * `other`'s text, pages, kind, extraction and source, and `keep`'s old source becomes an
 * attachment. The id and import time stay `keep`'s.
 */
export function mergeArticles(keep: Article, other: Article): Article {
  const takeText = !hasFullText(keep) && hasFullText(other);
  const base = mergeBiblio(keep, other);
  const reading = takeText ? other : keep;
  const taken = new Set<string>([reading.source.sha256]);
  const attachments = newFiles(
    [...(takeText ? [keep.source] : []), ...keep.attachments, ...(takeText ? [] : [other.source]), ...other.attachments],
    taken,
  );
  return {
    ...base,
    kind: reading.kind,
    source: reading.source,
    text: reading.text,
    pages: reading.pages,
    extraction: reading.extraction,
    noTextLayer: reading.noTextLayer,
    attachments,
    abstract: mergeAbstract(keep.abstract, other.abstract),
  };
}
