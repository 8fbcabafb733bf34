/**
 * Worker-thread entry for streamed exports (bundled to dist/core/export-worker.mjs): renders batches
 * of the sheet CSV (csv-batch.ts) posted by export-pool.ts, one at a time, and replies with the text
 * or the error (its code kept, so a damaged shard reads the same as on the main thread).
 */
import { parentPort } from 'node:worker_threads';
import { renderCsvBatch } from './csv-batch.js';
import type { ExportJob, ExportReply } from './export-pool.js';

if (!parentPort) throw new Error('export-worker must run in a worker thread');
const port = parentPort;
const encoder = new TextEncoder();

port.on('message', (job: ExportJob) => {
  void renderCsvBatch(job.batch).then(
    (result): void => {
      // Encoded here and its memory handed over: the main thread neither copies nor encodes 100 MB of rows.
      const bytes = encoder.encode(result.text as string);
      port.postMessage({ id: job.id, ok: true, result: { ...result, text: bytes } } satisfies ExportReply, [bytes.buffer]);
    },
    (error: unknown): void => {
      const e = error as { code?: unknown; message?: unknown } | null;
      const code = typeof e?.code === 'string' && (error as Error).name === 'EvidentiaError' ? e.code : null;
      port.postMessage({ id: job.id, ok: false, error: { code, message: String(e?.message ?? error) } } satisfies ExportReply);
    },
  );
});
