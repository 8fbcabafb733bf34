/** Export the review's outcomes and discrepancies, downloaded as a file. */
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import { api } from '../api';
import { useErrors } from '../app/errors';

function download(fileName: string, mimeType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously and still needs the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons() {
  const { report } = useErrors();
  const [busy, setBusy] = useState(false);
  async function run(format: ExportFormat) {
    setBusy(true);
    const result = await api['export.run']({ format });
    setBusy(false);
    if (!result.ok) return report(result.error);
    download(result.value.fileName, result.value.mimeType, result.value.content);
  }
  return (
    <div className="button-group" role="group" aria-label="Export">
      <button type="button" disabled={busy} onClick={() => run('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={busy} onClick={() => run('json')}>
        Export JSON
      </button>
    </div>
  );
}
