/**
 * Articles as reference-manager records (RIS, BibTeX; writers in ris.ts and bibtex.ts): the
 * bibliographic fields and tags, plus notes carrying what the reviewers extracted, so a Zotero or
 * EndNote library made from the export shows each article's notes, outcomes and discrepancies.
 */
import type { Annotation, ArticleIndexEntry, ArticleMeta, FieldValues } from '../../../shared/model/index.js';
import { quoteOf } from '../../../shared/anchoring/selectors.js';
import type { CoreContext } from '../context.js';
import type { BiblioExportItem } from './biblio-item.js';
import { valueText } from './cells.js';
import type { ReviewData } from './data.js';
import type { ExportProgress } from './progress.js';

export function metaOf(row: ArticleIndexEntry): ArticleMeta {
  return {
    title: row.title,
    authors: row.authors,
    journal: row.journal,
    year: row.year,
    doi: row.doi,
    pmid: row.pmid,
    volume: row.volume,
    issue: row.issue,
    page: row.page,
    url: row.url,
    type: row.type,
    keywords: row.keywords,
    tags: row.tags,
  };
}

/** "Outcome: CDASI-A change IVIg week 16: -9.36 (-12.52 to -6.19)"; parts left blank are left out. */
export function outcomeNote(fields: FieldValues): string {
  const get = (key: string) => valueText(fields[key]).trim();
  const what = [get('outcome'), get('arm'), get('timepoint')].filter(Boolean).join(' ');
  const low = get('ci_low');
  const high = get('ci_high');
  const result = [get('value'), low && high ? `(${low} to ${high})` : ''].filter(Boolean).join(' ');
  return `Outcome: ${what || '(unnamed)'}${result ? `: ${result}` : ''}`;
}

/** "Discrepancy (journal): Lancet vs NEJM — “The Lancet”". */
export function discrepancyNote(kind: string, note: string, quote: string): string {
  const head = kind.trim() ? `Discrepancy (${kind.trim()})` : 'Discrepancy';
  const parts = [note.trim(), quote ? `“${quote}”` : ''].filter(Boolean);
  return parts.length > 0 ? `${head}: ${parts.join(' — ')}` : head;
}

function noteOf(annotation: Annotation): string | null {
  const b = annotation.body;
  if (b.type === 'note') return b.text.trim() || null;
  if (b.type === 'outcome') return outcomeNote(b.fields);
  return discrepancyNote(b.kind, b.note, quoteOf(annotation));
}

export async function biblioItems(ctx: CoreContext, data: ReviewData, progress: ExportProgress): Promise<BiblioExportItem[]> {
  const notes = new Map<string, string[]>();
  for (const a of data.annotations) {
    const note = noteOf(a);
    if (note === null) continue;
    const list = notes.get(a.articleId);
    if (list) list.push(note);
    else notes.set(a.articleId, [note]);
  }
  const items: BiblioExportItem[] = [];
  const rows = data.review.articles;
  for (const [i, row] of rows.entries()) {
    await progress.step(i, rows.length, 'Writing references');
    // The abstract is only in the article file, not in review.json's index.
    const { abstract } = await ctx.store.readArticle(row.id);
    items.push({ id: row.id, meta: metaOf(row), abstract, notes: notes.get(row.id) ?? [] });
  }
  await progress.step(rows.length, rows.length, 'Writing references');
  return items;
}
