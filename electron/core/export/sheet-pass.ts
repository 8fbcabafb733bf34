/**
 * One pass over the review for the XLSX export: articles in library order with their shards
 * (shard-reader.ts) and their sheet rows (shared/sheet/build.ts), handed to the writer article by
 * article. (The CSV export does the same in batches that worker threads can render: csv-export.ts.)
 *
 * The sheet's columns depend on every row (a retired field, or a key the template does not know,
 * becomes a column only when some row answers it), yet a file's header comes first. Reading the
 * review twice would double the cost of every export for the sake of a rare case, so the pass starts
 * with the columns the template alone gives and checks each row; if one answers a key outside
 * them, the writer's output is thrown away, the rest of the review is scanned for such keys, and
 * the pass runs again with the right columns. The result is the columns buildSheet would give.
 */
import type { ArticleIndexEntry, SheetColumn, SheetRecordRow, Template } from '../../../shared/model/index.js';
import { articleSheetRows, isAnswered, isColumnChanging, sheetColumns, sheetPlan, type SheetPlan } from '../../../shared/sheet/build.js';
import type { ReviewStore } from '../store/review-store.js';
import { annotationTotal, articlesWithShards, type ArticleShards } from './shard-reader.js';

export interface SheetArticle extends ArticleShards {
  /** This article's sheet rows for the template. */
  rows: SheetRecordRow[];
}

export interface SheetWriter {
  /** Called once the columns are known, before any article; again (after a fresh start) if they change. */
  begin(columns: SheetColumn[]): Promise<void>;
  article(entry: SheetArticle): Promise<void> | void;
}

/** The keys among these rows' answers that would change `known` columns (empty when none). */
export function newColumnKeys(plan: SheetPlan, rows: readonly SheetRecordRow[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const row of rows) {
    for (const key in row.values) {
      if (isColumnChanging(plan, key) && !known.has(key) && isAnswered(row.values[key])) out.push(key);
    }
  }
  return out;
}

/** Told after each article (it yields and checks for cancellation: ExportProgress.step). */
export type PassProgress = (done: number, total: number) => Promise<void>;

/**
 * Run `writer` over the review's sheet for `template`. Progress counts annotations read; a second
 * run (new columns) adds its own length to the total, so progress never goes back.
 */
export async function sheetPass(
  store: ReviewStore,
  articles: readonly ArticleIndexEntry[],
  template: Template,
  writer: SheetWriter,
  report: PassProgress,
): Promise<void> {
  const plan = sheetPlan(template);
  const perPass = await annotationTotal(store, articles);
  let total = perPass;
  let done = 0;
  const known = new Set<string>();
  // At most one retry is needed; a third run could only come from edits made during the export,
  // which then take their place in the next export rather than restarting this one forever.
  for (let attempt = 1; ; attempt++) {
    const checking = attempt < 3;
    await writer.begin(sheetColumns(plan, known));
    let changed = false;
    await report(done, total);
    for await (const entry of articlesWithShards(store, articles)) {
      const rows = articleSheetRows(plan, entry.article, entry.shards);
      const extra = checking ? newColumnKeys(plan, rows, known) : [];
      if (extra.length > 0) {
        for (const key of extra) known.add(key);
        changed = true;
      }
      if (!changed) await writer.article({ ...entry, rows });
      for (const shard of entry.shards) done += shard.annotations.length;
      total = Math.max(total, done);
      await report(done, total);
    }
    if (!changed) break;
    total += perPass;
  }
  await report(total, total);
}
