/** Progress bar while a batch imports, then what happened to each file. */
import type { ImportOutcome } from '../../../shared/contract';
import { hrefFor } from '../app/route';
import type { ImportProgress } from './useImport';

const STATUS_TEXT: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already in this review',
  failed: 'Failed',
};

function ResultRow({ outcome }: { outcome: ImportOutcome }) {
  const name = outcome.title ?? outcome.source;
  const reason = outcome.status === 'failed' ? outcome.error?.message ?? 'unknown error' : null;
  // Core messages often start with the file name already; do not say it twice.
  const showName = !(reason && reason.startsWith(outcome.source));
  return (
    <li className={`import-result ${outcome.status}`}>
      <span className="badge">{STATUS_TEXT[outcome.status]}</span>{' '}
      {outcome.articleId ? <a href={hrefFor({ view: 'reader', articleId: outcome.articleId, annotationId: null })}>{name}</a> : showName ? name : null}
      {reason ? <span className="reason">{showName ? `: ${reason}` : reason}</span> : null}
    </li>
  );
}

export function ImportStatus({ progress }: { progress: ImportProgress }) {
  if (progress.total === 0) return null;
  return (
    <section className="import-status" aria-label="Import">
      {progress.running ? (
        <div className="progress">
          <label htmlFor="import-progress">
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}: {progress.current}
          </label>
          <progress id="import-progress" max={progress.total} value={progress.done} />
        </div>
      ) : (
        <p className="import-summary">
          Import finished: {progress.results.filter((r) => r.status === 'imported').length} imported,{' '}
          {progress.results.filter((r) => r.status === 'duplicate').length} already present,{' '}
          {progress.results.filter((r) => r.status === 'failed').length} failed.
        </p>
      )}
      <ul className="import-results" aria-label="Import results">
        {progress.results.map((r, i) => (
          <ResultRow key={`${i}-${r.source}`} outcome={r} />
        ))}
      </ul>
    </section>
  );
}
