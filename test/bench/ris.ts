/**
 * A RIS file for a batch of citation records, as a PubMed or Embase export would give it: the
 * generated review stores it in files/ as the source of its citation articles, like a real import.
 */
import type { ArticleMeta } from '../../shared/model/index.js';

export function risRecord(meta: ArticleMeta, abstract: string): string {
  const lines = ['TY  - JOUR', `TI  - ${meta.title}`];
  for (const a of meta.authors) lines.push(`AU  - ${a}`);
  if (meta.year !== null) lines.push(`PY  - ${meta.year}`);
  if (meta.journal) lines.push(`T2  - ${meta.journal}`);
  if (meta.volume) lines.push(`VL  - ${meta.volume}`);
  if (meta.issue) lines.push(`IS  - ${meta.issue}`);
  if (meta.page) {
    const [sp, ep] = meta.page.split('-');
    lines.push(`SP  - ${sp}`);
    if (ep) lines.push(`EP  - ${ep}`);
  }
  if (meta.doi) lines.push(`DO  - ${meta.doi}`);
  if (meta.pmid) lines.push(`AN  - ${meta.pmid}`);
  for (const k of meta.keywords) lines.push(`KW  - ${k}`);
  lines.push(`AB  - ${abstract}`, 'ER  - ');
  return lines.join('\n');
}

export function risFile(records: ReadonlyArray<{ meta: ArticleMeta; abstract: string }>): string {
  return `${records.map((r) => risRecord(r.meta, r.abstract)).join('\n\n')}\n`;
}
