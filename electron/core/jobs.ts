/**
 * Background jobs the UI follows by polling (works the same over IPC and the HTTP bridge): a job
 * reports progress, can be cancelled (its work sees the AbortSignal), and keeps its result until
 * fetched. Finished jobs are forgotten after a while so memory does not grow.
 */
import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/contract.js';
import { EvidentiaError, toErrorInfo } from '../../shared/result.js';

export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number, label?: string): void;
}

interface Job<T> {
  status: JobStatus;
  controller: AbortController;
  result: T | null;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 10 * 60 * 1000;

export class JobRunner<T> {
  private readonly jobs = new Map<string, Job<T>>();

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  start(label: string, work: (control: JobControl) => Promise<T>): string {
    this.sweep();
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job<T> = {
      status: { jobId, state: 'running', done: 0, total: 0, label, error: null },
      controller,
      result: null,
      finishedAt: null,
    };
    this.jobs.set(jobId, job);
    const control: JobControl = {
      signal: controller.signal,
      progress(done, total, next) {
        job.status = { ...job.status, done, total, label: next ?? job.status.label };
      },
    };
    void work(control).then(
      (result) => {
        job.finishedAt = Date.now();
        if (controller.signal.aborted) return;
        job.result = result;
        job.status = { ...job.status, state: 'done', done: Math.max(job.status.done, job.status.total) };
      },
      (error: unknown) => {
        job.finishedAt = Date.now();
        if (controller.signal.aborted) return;
        if (!(error instanceof EvidentiaError)) this.log(`job ${label} failed`, error);
        job.status = { ...job.status, state: 'failed', error: toErrorInfo(error) };
      },
    );
    return jobId;
  }

  status(jobId: string): JobStatus {
    return this.get(jobId).status;
  }

  result(jobId: string): T {
    const job = this.get(jobId);
    if (job.status.state !== 'done' || job.result === null) {
      throw new EvidentiaError('bad-input', `Job ${jobId} has no result (it is ${job.status.state}).`);
    }
    return job.result;
  }

  cancel(jobId: string): JobStatus {
    const job = this.get(jobId);
    if (job.status.state === 'running') {
      job.controller.abort();
      job.status = { ...job.status, state: 'cancelled' };
      job.finishedAt = Date.now();
    }
    return job.status;
  }

  private get(jobId: string): Job<T> {
    const job = this.jobs.get(jobId);
    if (!job) throw new EvidentiaError('not-found', `No job ${jobId} (it may have finished long ago).`);
    return job;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
