/**
 * Worker threads for the CSV export of big reviews. Reading, parsing and checking shards and
 * building rows is nearly all of an export's time, and the main thread also serves the UI: with
 * workers, it only puts the rendered batches in order and writes them, and every core works. Sending
 * parsed shards back instead would cost as much as parsing them (structured clone), so the workers
 * return text. Without the bundled worker (dist/core/export-worker.mjs, e.g. running from
 * TypeScript sources) the same batches render on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EvidentiaError, ErrorCode } from '../../../shared/result.js';
import { findPackageRoot, unpackedPath } from '../import/worker-location.js';
import { renderCsvBatch, type CsvBatch, type CsvBatchResult } from './csv-batch.js';

export interface ExportJob {
  id: number;
  batch: CsvBatch;
}

export type ExportReply = { id: number; ok: true; result: CsvBatchResult } | { id: number; ok: false; error: { code: string | null; message: string } };

/** A path to the worker bundle, overriding the search (tests, unusual layouts). */
export const EXPORT_WORKER_ENV = 'EVIDENTIA_EXPORT_WORKER';

/** The bundled worker, found as the PDF worker is (import/worker-location.ts), or null. */
export function locateExportWorker(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  const override = process.env[EXPORT_WORKER_ENV];
  if (override) return existsSync(override) ? override : null;
  const candidates = [join(from, '..', 'core', 'export-worker.mjs')];
  const root = findPackageRoot(from);
  if (root) candidates.push(join(root, 'dist', 'core', 'export-worker.mjs'));
  for (const candidate of candidates) for (const path of [unpackedPath(candidate), candidate]) if (existsSync(path)) return path;
  return null;
}

export interface BatchRunner {
  /** Batches worth having in flight at once. */
  readonly width: number;
  run(batch: CsvBatch): Promise<CsvBatchResult>;
  close(): Promise<void>;
}

/** Batches rendered on the main thread (two in flight, so one reads while the other renders). */
export const inThread: BatchRunner = { width: 2, run: renderCsvBatch, close: async () => {} };

interface Pending {
  resolve: (result: CsvBatchResult) => void;
  reject: (error: Error) => void;
}

function errorOf(reply: Extract<ExportReply, { ok: false }>): Error {
  const code = ErrorCode.safeParse(reply.error.code);
  return code.success ? new EvidentiaError(code.data, reply.error.message) : new Error(reply.error.message);
}

export class ExportPool implements BatchRunner {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly width: number;

  constructor(path: string, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(path);
      worker.on('message', (reply: ExportReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`an export worker stopped (exit code ${code})`)));
      this.workers.push(worker);
    }
    this.width = size * 2;
  }

  /** A pool on every core but one (two to four workers), or null when the worker is not built. */
  static open(): ExportPool | null {
    const path = locateExportWorker();
    return path ? new ExportPool(path, Math.min(4, Math.max(2, availableParallelism() - 1))) : null;
  }

  run(batch: CsvBatch): Promise<CsvBatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, batch } satisfies ExportJob);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the export workers were closed');
    const workers = this.workers.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
    this.fail(this.failure);
  }

  private settle(reply: ExportReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(errorOf(reply));
  }

  /** A worker crashed or stopped: every job still out fails (the export fails with them). */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}
