/**
 * The extraction sheet of one template as CSV, streamed: one row per outcome record (plus one per
 * article and reviewer with study values only), study and outcome columns headed by their labels.
 * The library is cut into batches of articles, rendered (csv-batch.ts) by worker threads for a big
 * review (export-pool.ts) or on the main thread, and written in library order with backpressure.
 * Columns as in sheet-pass.ts: the template's to begin with, and once more from the start with
 * the right ones if some row answers a retired or unknown key. Discrepancies are in the JSON and
 * XLSX exports.
 */
import type { ArticleIndexEntry, Template } from '../../../shared/model/index.js';
import { sheetColumns, sheetPlan } from '../../../shared/sheet/build.js';
import type { CoreContext } from '../context.js';
import type { ReviewStore } from '../store/review-store.js';
import type { CsvBatch, CsvBatchResult } from './csv-batch.js';
import { BOM, csvFields, csvLine, sheetCsvHeader } from './csv.js';
import { ExportPool, inThread, type BatchRunner } from './export-pool.js';
import type { ExportProgress } from './progress.js';
import type { Sink } from './sink.js';

/** Below this many annotations starting workers costs more than it saves. */
const WORKERS_FROM = 20_000;
/** A batch holds about this many annotations (or this many articles): a few milliseconds of work. */
const BATCH_ANNOTATIONS = 2_000;
const BATCH_ARTICLES = 64;

export interface CsvExportOptions {
  /** Use worker threads from this many annotations on (tests lower it). */
  workersFrom?: number;
}

/** The library in batches, by the store's annotation counts. */
async function batchesOf(store: ReviewStore, articles: readonly ArticleIndexEntry[]): Promise<{ batches: ArticleIndexEntry[][]; annotations: number }> {
  const batches: ArticleIndexEntry[][] = [];
  let current: ArticleIndexEntry[] = [];
  let size = 0;
  let annotations = 0;
  for (const article of articles) {
    const count = (await store.catalogue.counts(article.id)).annotationCount;
    annotations += count;
    if (current.length > 0 && (size + count > BATCH_ANNOTATIONS || current.length >= BATCH_ARTICLES)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(article);
    size += count;
  }
  if (current.length > 0) batches.push(current);
  return { batches, annotations };
}

async function batchInput(store: ReviewStore, template: Template, known: readonly string[], articles: readonly ArticleIndexEntry[]): Promise<CsvBatch> {
  const out: CsvBatch['articles'] = [];
  for (const article of articles) {
    const reviewers = await store.shardReviewers(article.id);
    out.push({ article, shards: reviewers.map((reviewer) => ({ reviewer, file: store.paths.annotationShard(article.id, reviewer) })) });
  }
  return { template, known: [...known], articles: out };
}

/** `sink()` gives the sink to write to; a second call means "start again" (the columns changed). */
export async function writeSheetCsv(ctx: CoreContext, template: Template, sink: () => Promise<Sink>, progress: ExportProgress, options: CsvExportOptions = {}): Promise<void> {
  const { store } = ctx;
  const plan = sheetPlan(template);
  const { batches, annotations } = await batchesOf(store, [...store.review.articles]);
  const runner: BatchRunner = (annotations >= (options.workersFrom ?? WORKERS_FROM) ? ExportPool.open() : null) ?? inThread;
  const label = 'Writing CSV rows';
  const known = new Set<string>();
  let total = annotations;
  let done = 0;
  try {
    // At most one more run is needed; a third could only come from edits made during the export.
    for (let attempt = 1; ; attempt++) {
      const out = await sink();
      await out.write(BOM + csvLine(sheetCsvHeader(csvFields(sheetColumns(plan, known)))));
      await progress.step(done, total, label);
      const keys = [...known];
      const inFlight: Array<Promise<CsvBatchResult>> = [];
      let next = 0;
      let changed = false;
      const fill = async () => {
        while (inFlight.length < runner.width && next < batches.length) {
          const started = runner.run(await batchInput(store, template, keys, batches[next++]!));
          started.catch(() => {}); // observed in order, below
          inFlight.push(started);
        }
      };
      try {
        for (let b = 0; b < batches.length; b++) {
          await fill();
          const result = await inFlight.shift()!;
          const extra = attempt < 3 ? result.newKeys.filter((k) => !known.has(k)) : [];
          for (const key of extra) known.add(key);
          if (extra.length > 0) changed = true;
          if (!changed) await out.write(typeof result.text === 'string' ? result.text : Buffer.from(result.text.buffer, result.text.byteOffset, result.text.byteLength));
          done += result.annotations;
          total = Math.max(total, done);
          await progress.step(done, total, label);
        }
      } finally {
        await Promise.allSettled(inFlight);
      }
      if (!changed) break;
      total += annotations;
    }
  } finally {
    await runner.close();
  }
  await progress.step(total, total, label);
}
