/** Progress bar while a batch imports, then what happened to each file. */
import type { ImportOutcome } from '../../../shared/contract';
import { hrefFor } from '../app/route';
import type { ImportProgress } from './useImport';

const STATUS_TEXT: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already in this review',
  merged: 'Merged (same DOI/PMID)',
  attached: 'Attached',
  failed: 'Failed',
};

function ResultRow({ outcome }: { outcome: ImportOutcome }) {
  const name = outcome.title ?? (outcome.record === null ? outcome.source : `${outcome.source}, record ${outcome.record}`);
  const reason = outcome.status === 'failed' ? outcome.error?.message ?? 'unknown error' : null;
  // Core messages often start with the file name already; do not say it twice.
  const showName = !(reason && reason.startsWith(outcome.source));
  return (
    <li className={`import-result ${outcome.status}`}>
      <span className="badge">{STATUS_TEXT[outcome.status]}</span>{' '}
      {outcome.articleId ? <a href={hrefFor({ view: 'reader', articleId: outcome.articleId, annotationId: null })}>{name}</a> : showName ? name : null}
      {reason ? <span className="reason">{showName ? `: ${reason}` : reason}</span> : null}
      {outcome.possibleDuplicates.length > 0 ? (
        <span className="reason">
          {' '}
          — possible duplicate: <a href={hrefFor({ view: 'duplicates' })}>review it</a>
        </span>
      ) : null}
    </li>
  );
}

function summary(results: ImportOutcome[]): string {
  const count = (s: ImportOutcome['status']) => results.filter((r) => r.status === s).length;
  const parts = [`${count('imported')} imported`, `${count('duplicate')} already present`];
  if (count('merged') > 0) parts.push(`${count('merged')} merged into existing articles`);
  if (count('attached') > 0) parts.push(`${count('attached')} attached`);
  const possible = results.filter((r) => r.possibleDuplicates.length > 0).length;
  if (possible > 0) parts.push(`${possible} possible duplicates to review`);
  parts.push(`${count('failed')} failed`);
  return parts.join(', ');
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
          Import finished: {summary(progress.results)}.
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
