/**
 * The running export, kept outside React: reading an article while a long export runs must neither
 * stop following the job nor lose its download. One export at a time; ExportButtons shows it.
 * A cancelled export downloads nothing, even when the job finished before the cancel reached it.
 */
import { useSyncExternalStore } from 'react';
import type { ExportFormat, JobStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/result';
import { api } from '../api';
import { downloadBase64, downloadText } from '../app/download';
import type { Pace } from './time-left';

export interface ExportState {
  /** From the click on Export until the file is downloaded (or the export ends without one). */
  running: boolean;
  /** The job's last status; null until the core has started it. */
  job: JobStatus | null;
  /** Timing of the job's current phase (an export's total changes between phases, e.g. reading then writing). */
  pace: Pace | null;
  cancelling: boolean;
  /** Said after the export ends without a file, e.g. "Export cancelled: nothing was saved." */
  notice: string | null;
}

const POLL_MS = 150;
const NOTICE_MS = 8000;
const IDLE: ExportState = { running: false, job: null, pace: null, cancelling: false, notice: null };

let state: ExportState = IDLE;
let cancelRequested = false;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(next: ExportState) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useExportJob(): ExportState {
  return useSyncExternalStore(subscribe, () => state);
}

function finish(notice: string | null) {
  clearTimeout(noticeTimer);
  set({ ...IDLE, notice });
  if (notice) noticeTimer = setTimeout(() => set({ ...state, notice: null }), NOTICE_MS);
}

/** A new phase (another total) restarts the clock: its units may be far cheaper or dearer. */
function nextPace(pace: Pace | null, job: JobStatus, now: number): Pace {
  if (!pace || pace.total !== job.total) return { startedAt: now, from: job.done, lastAt: now, done: job.done, total: job.total };
  return job.done === pace.done ? pace : { ...pace, done: job.done, lastAt: now };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startExport(format: ExportFormat, report: (error: ErrorInfo) => void): Promise<void> {
  if (state.running) return;
  cancelRequested = false;
  clearTimeout(noticeTimer);
  set({ ...IDLE, running: true });
  const started = await api['export.start']({ format });
  if (!started.ok) {
    finish(null);
    return report(started.error);
  }
  const { jobId } = started.value;
  // Cancelled before the core had even answered: stop the job it has just started.
  if (cancelRequested) await api['jobs.cancel']({ jobId });
  let last: JobStatus;
  for (;;) {
    const status = await api['jobs.status']({ jobId });
    if (!status.ok) {
      finish(null);
      return report(status.error);
    }
    last = status.value;
    if (last.state !== 'running') break;
    set({ ...state, job: last, pace: nextPace(state.pace, last, Date.now()) });
    await sleep(POLL_MS);
  }
  if (cancelRequested || last.state === 'cancelled') return finish('Export cancelled: nothing was saved.');
  if (last.state === 'failed') {
    finish(null);
    return report(last.error ?? { code: 'internal', message: 'The export failed.' });
  }
  const file = await api['jobs.result']({ jobId });
  finish(null);
  if (!file.ok) return report(file.error);
  const { fileName, mimeType, encoding, content } = file.value;
  if (encoding === 'base64') downloadBase64(fileName, mimeType, content);
  else downloadText(fileName, mimeType, content);
}

export async function cancelExport(report: (error: ErrorInfo) => void): Promise<void> {
  const { job, running } = state;
  if (!running || cancelRequested) return;
  cancelRequested = true;
  set({ ...state, cancelling: true });
  if (!job) return; // startExport cancels the job as soon as it has its id
  const result = await api['jobs.cancel']({ jobId: job.jobId });
  // A job that already finished cannot be cancelled; the flag above still keeps its file from downloading.
  if (!result.ok && result.error.code !== 'not-found') report(result.error);
}
