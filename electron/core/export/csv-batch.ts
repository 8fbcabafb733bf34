/**
 * A batch of articles of the sheet CSV, rendered: their shards read (fast check, else the schema),
 * their sheet rows built, and the rows encoded. Plain data in, plain data out, so a worker thread
 * can run it (export-worker.ts) as well as the main thread; csv-export.ts puts batches in order.
 */
import type { ArticleIndexEntry, AnnotationFile, Template } from '../../../shared/model/index.js';
import { articleSheetRows, sheetColumns, sheetPlan } from '../../../shared/sheet/build.js';
import { csvFields, sheetCsvLine } from './csv.js';
import { newColumnKeys } from './sheet-pass.js';
import { readShardFile } from './shard-reader.js';

export interface CsvBatch {
  template: Template;
  /** Retired and unknown keys the columns include (see sheet-pass.ts). */
  known: string[];
  articles: Array<{ article: ArticleIndexEntry; shards: Array<{ reviewer: string; file: string }> }>;
}

export interface CsvBatchResult {
  /** The rows: text on the main thread; from a worker, its UTF-8 bytes (moved, not copied, across threads). */
  text: string | Uint8Array;
  annotations: number;
  /** Keys the rows answer that would add columns: the batch's text is then of no use. */
  newKeys: string[];
}

export async function renderCsvBatch(batch: CsvBatch): Promise<CsvBatchResult> {
  const plan = sheetPlan(batch.template);
  const known = new Set(batch.known);
  const fields = csvFields(sheetColumns(plan, known));
  // On the main thread every file of the batch is asked for at once, so the disk works while rows
  // are built; in a worker the reads are synchronous (see shard-reader.ts).
  const loaded = await Promise.all(
    batch.articles.map(({ article, shards }) => Promise.all(shards.map((s) => readShardFile(s.file, article.id, s.reviewer)))),
  );
  let text = '';
  let annotations = 0;
  const newKeys = new Set<string>();
  batch.articles.forEach(({ article }, i) => {
    const shards = loaded[i]!.filter((s): s is AnnotationFile => s !== null);
    const rows = articleSheetRows(plan, article, shards);
    for (const key of newColumnKeys(plan, rows, known)) newKeys.add(key);
    for (const row of rows) text += sheetCsvLine(row, article, fields);
    for (const shard of shards) annotations += shard.annotations.length;
  });
  return { text, annotations, newKeys: [...newKeys] };
}
