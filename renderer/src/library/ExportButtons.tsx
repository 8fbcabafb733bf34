/**
 * Export the review in any format, as a background job: a progress bar with what is being written
 * (n of N), the time left and a Cancel button; the finished file is downloaded (see export-job.ts).
 */
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import { useErrors } from '../app/errors';
import { cancelExport, startExport, useExportJob } from './export-job';
import { formatTimeLeft, msLeft, useNow } from './time-left';

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

function ExportProgress() {
  const { report } = useErrors();
  const { job, pace, cancelling } = useExportJob();
  const now = useNow(1000, true);
  const counted = job !== null && job.total > 0;
  const left = cancelling ? 'cancelling…' : counted && pace ? formatTimeLeft(msLeft(pace, now)) : '';
  return (
    <>
      <progress aria-label="Export progress" max={counted ? job.total : 1} value={counted ? job.done : undefined} />
      <span className="muted export-label" aria-live="polite">
        {job ? job.label : 'Starting the export…'}
        {counted ? ` (${job.done.toLocaleString()} of ${job.total.toLocaleString()})` : ''}
        {left ? <span className="time-left"> · {left}</span> : null}
      </span>
      <button type="button" disabled={cancelling} onClick={() => void cancelExport(report)}>
        Cancel
      </button>
    </>
  );
}

export function ExportButtons() {
  const { report } = useErrors();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const { running, notice } = useExportJob();
  return (
    <div className="button-group export-panel" role="group" aria-label="Export">
      <label className="visually-hidden" htmlFor="export-format">
        Export format
      </label>
      <select id="export-format" value={format} disabled={running} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
      {running ? (
        <ExportProgress />
      ) : (
        <>
          {notice ? (
            <span className="muted export-label" role="status">
              {notice}
            </span>
          ) : null}
          <button type="button" onClick={() => void startExport(format, report)}>
            Export
          </button>
        </>
      )}
    </div>
  );
}
