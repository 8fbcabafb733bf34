/**
 * A small pool of PDF worker threads. Each worker takes one job at a time; a job that runs past
 * the time limit has its worker terminated (pdf.js cannot be interrupted any other way) and a fresh
 * worker takes the next job. Idle workers are unref'd so they never keep a CLI process alive.
 */
import { Worker } from 'node:worker_threads';
import type { PdfFailure, PdfJob, PdfReply, PdfText } from './pdf-protocol.js';

/** Why a job ended without a reply from pdf.js. */
export class PdfPoolError extends Error {
  constructor(
    readonly reason: 'timeout' | 'crashed' | 'shutdown',
    message: string,
  ) {
    super(message);
    this.name = 'PdfPoolError';
  }
}

export type PdfOutcome = { ok: true; value: PdfText } | { ok: false; failure: PdfFailure };

interface Pending {
  job: PdfJob;
  resolve: (outcome: PdfOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

export interface PdfPoolOptions {
  workerPath: string;
  size: number;
  timeoutMs: number;
}

export class PdfWorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PdfPoolOptions) {}

  run(data: Uint8Array, password?: string): Promise<PdfOutcome> {
    if (this.closed) return Promise.reject(new PdfPoolError('shutdown', 'PDF extraction has been shut down'));
    return new Promise((resolve, reject) => {
      const job: PdfJob = { id: this.nextId++, data, ...(password !== undefined ? { password } : {}) };
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new PdfPoolError('shutdown', 'PDF extraction was shut down'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new PdfPoolError('shutdown', 'PDF extraction was shut down'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.current === null);
      if (!slot && this.slots.size < this.options.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.options.workerPath), current: null, timer: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: PdfReply) => this.finish(slot, reply));
    slot.worker.on('error', (error) => void this.retire(slot, new PdfPoolError('crashed', error.message)));
    slot.worker.on('exit', (code) => void this.retire(slot, new PdfPoolError('crashed', `the PDF reader stopped (exit code ${code})`)));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.worker.ref(); // a job in flight keeps the process alive until it ends
    slot.timer = setTimeout(() => {
      void this.retire(slot, new PdfPoolError('timeout', `no result after ${Math.round(this.options.timeoutMs / 1000)} s`));
    }, this.options.timeoutMs);
    // The worker gets its own copy, transferred rather than cloned again.
    const data = pending.job.data.slice();
    slot.worker.postMessage({ ...pending.job, data }, [data.buffer]);
  }

  private finish(slot: Slot, reply: PdfReply): void {
    const pending = slot.current;
    if (!pending || pending.job.id !== reply.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.current = null;
    slot.timer = null;
    slot.worker.unref();
    pending.resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, failure: reply.failure });
    this.dispatch();
  }

  /** Remove a worker (timed out, crashed, or shutting down), failing its job; later jobs get a new one. */
  private async retire(slot: Slot, error: PdfPoolError): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    pending?.reject(error);
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.dispatch();
  }
}
