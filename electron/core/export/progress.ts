/**
 * Progress and cancellation for exports. An export runs on the main thread, so a cancel request
 * (jobs.cancel, another IPC/HTTP call) can only be seen if the export gives the event loop a turn:
 * `step` yields every few tens of milliseconds, then checks the signal.
 */
import { EvidentiaError } from '../../../shared/result.js';
import type { JobControl } from '../jobs.js';

/** How long an export may hold the event loop before letting other calls (cancel, status) in. */
const YIELD_EVERY_MS = 25;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A status update at least this often while work goes on, whatever the counts say. */
const REPORT_EVERY_MS = 100;

export class ExportProgress {
  private lastYield = performance.now();
  private lastReport = -1;
  private lastReportAt = 0;
  private lastLabel = '';

  constructor(private readonly control?: JobControl) {}

  /** Throws the cancellation error when the job was cancelled. */
  check(): void {
    if (this.control?.signal.aborted) throw new EvidentiaError('bad-input', 'Export cancelled');
  }

  /** Report `done` of `total` (throttled) and stop if cancelled. Call between rows or articles. */
  async step(done: number, total: number, label: string): Promise<void> {
    const now = performance.now();
    if (now - this.lastYield >= YIELD_EVERY_MS) {
      await turn();
      this.lastYield = performance.now();
    }
    this.check();
    if (!this.control) return;
    // A status object per row would be wasted work for 100k rows; 1/200 of the way is smooth enough,
    // and a new part of the work or a pause in the counts is told at once.
    const every = Math.max(1, Math.floor(total / 200));
    if (done === total || done === 0 || done - this.lastReport >= every || label !== this.lastLabel || now - this.lastReportAt >= REPORT_EVERY_MS) {
      this.lastReport = done;
      this.lastReportAt = now;
      this.lastLabel = label;
      this.control.progress(done, total, label);
    }
  }
}
