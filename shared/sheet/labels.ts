/** Short human labels for articles, shared by the sheet, the forest plot and the exports. */
import type { ArticleMeta } from '../model/article.js';

/** Surname of an author written "Werth VP", "Werth, Victoria P." or "Victoria P. Werth". */
export function surname(author: string): string {
  const trimmed = author.trim();
  if (trimmed.includes(',')) return trimmed.split(',')[0]!.trim();
  const parts = trimmed.split(/\s+/);
  if (parts.length === 1) return parts[0]!;
  // "Werth VP" (MEDLINE style: initials last, all capitals) vs "Victoria P. Werth".
  const last = parts[parts.length - 1]!;
  if (/^[A-Z]{1,3}$/.test(last)) return parts.slice(0, -1).join(' ');
  return last;
}

/** "Werth 2022", "Werth et al. 2022" style label; falls back to the title. */
export function articleLabel(meta: Pick<ArticleMeta, 'authors' | 'year' | 'title'>): string {
  const first = meta.authors[0];
  // Without authors the title stands in, cut short: labels sit beside other columns (sheet, plot rows).
  if (!first) return meta.year === null ? shorten(meta.title, 40) : `${shorten(meta.title, 32)} ${meta.year}`;
  const name = surname(first);
  const etAl = meta.authors.length > 2 ? ' et al.' : meta.authors.length === 2 ? ` & ${surname(meta.authors[1]!)}` : '';
  return meta.year === null ? `${name}${etAl}` : `${name}${etAl} ${meta.year}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
