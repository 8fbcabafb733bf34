/**
 * Worker-thread entry for PDF text extraction (bundled to dist/core/pdf-worker.mjs). Handles one job
 * at a time, as posted by pdf-pool.ts, and replies with plain data or a classified failure.
 */
import { parentPort } from 'node:worker_threads';
import { extractPdfText, PdfExtractFailure } from './pdf-extract.js';
import type { PdfJob, PdfReply } from './pdf-protocol.js';
import { loadPdfjs } from './pdfjs-runtime.js';

if (!parentPort) throw new Error('pdf-worker must run in a worker thread');
const port = parentPort;

// The pool starts a worker when it has a job for it: load pdf.js now, while that job is on its way.
// A failure here is reported by the job, which awaits the same load.
loadPdfjs().catch(() => undefined);

port.on('message', (job: PdfJob) => {
  void run(job).then((reply) => port.postMessage(reply));
});

async function run(job: PdfJob): Promise<PdfReply> {
  try {
    return { id: job.id, ok: true, value: await extractPdfText(job.data, job.password) };
  } catch (error) {
    if (error instanceof PdfExtractFailure) return { id: job.id, ok: false, failure: error.failure };
    const e = error as { name?: string; message?: string } | null;
    return { id: job.id, ok: false, failure: { kind: 'failed', name: e?.name ?? 'Error', message: e?.message ?? String(error) } };
  }
}
