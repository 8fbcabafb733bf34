/**
 * Export the review in any format, as a background job with a progress bar and a Cancel button;
 * the finished file is downloaded.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExportFormat, JobStatus } from '../../../shared/contract';
import { api } from '../api';
import { downloadBase64, downloadText } from '../app/download';
import { useErrors } from '../app/errors';

export const EXPORT_FORMATS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { format: 'csv', label: 'Sheet as CSV' },
  { format: 'revman', label: 'RevMan / meta-analysis CSV' },
  { format: 'json', label: 'Evidentia JSON (full backup)' },
  { format: 'jsonld', label: 'W3C Web Annotations (JSON-LD)' },
  { format: 'ris', label: 'RIS (articles, tags, notes)' },
  { format: 'bibtex', label: 'BibTeX (articles, tags, notes)' },
  { format: 'report-md', label: 'Fact-check report (Markdown)' },
  { format: 'report-html', label: 'Fact-check report (HTML)' },
  { format: 'report-jsonld', label: 'Fact-check report (JSON-LD)' },
];

const POLL_MS = 150;

export function ExportButtons() {
  const { report } = useErrors();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [job, setJob] = useState<JobStatus | null>(null);
  const cancelled = useRef(false);
  useEffect(() => () => void (cancelled.current = true), []);

  async function run() {
    cancelled.current = false;
    const started = await api['export.start']({ format });
    if (!started.ok) return report(started.error);
    const { jobId } = started.value;
    for (;;) {
      const status = await api['jobs.status']({ jobId });
      if (!status.ok) {
        setJob(null);
        return report(status.error);
      }
      setJob(status.value);
      if (status.value.state !== 'running') break;
      if (cancelled.current) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const final = await api['jobs.status']({ jobId });
    setJob(null);
    if (!final.ok) return report(final.error);
    if (final.value.state === 'failed' && final.value.error) return report(final.value.error);
    if (final.value.state !== 'done') return;
    const file = await api['jobs.result']({ jobId });
    if (!file.ok) return report(file.error);
    const { fileName, mimeType, encoding, content } = file.value;
    if (encoding === 'base64') downloadBase64(fileName, mimeType, content);
    else downloadText(fileName, mimeType, content);
  }

  async function cancel() {
    if (!job) return;
    const result = await api['jobs.cancel']({ jobId: job.jobId });
    if (!result.ok) report(result.error);
  }

  return (
    <div className="button-group export-panel" role="group" aria-label="Export">
      <label className="visually-hidden" htmlFor="export-format">
        Export format
      </label>
      <select id="export-format" value={format} disabled={job !== null} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
      {job ? (
        <>
          <progress aria-label="Export progress" max={job.total || 1} value={job.total ? job.done : 0} />
          <span className="muted export-label">
            {job.label}
            {job.total ? ` (${job.done} of ${job.total})` : ''}
          </span>
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void run()}>
          Export
        </button>
      )}
    </div>
  );
}
