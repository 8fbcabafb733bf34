/**
 * While a batch imports: which file, how many of how many, the time left and a Cancel button;
 * then a summary (saying how many files a cancel left out) and what happened to each file.
 */
import { memo } from 'react';
import type { ImportOutcome } from '../../../shared/contract';
import { hrefFor } from '../app/route';
import { formatTimeLeft, msLeft, useNow } from './time-left';
import type { ImportProgress } from './useImport';

const STATUS_TEXT: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already in this review',
  merged: 'Merged (same DOI/PMID)',
  attached: 'Attached',
  failed: 'Failed',
};

// Memoised: a 1,000-file batch re-renders the list after every file, and old rows never change.
const ResultRow = memo(function ResultRow({ outcome }: { outcome: ImportOutcome }) {
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
});

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

function Running({ progress }: { progress: ImportProgress }) {
  const now = useNow(1000, true);
  const { done, total, current, cancelling } = progress;
  const left = msLeft({ startedAt: progress.startedAt, from: 0, lastAt: progress.lastAt, done, total }, now);
  return (
    <div className="progress">
      <div className="progress-head">
        <label htmlFor="import-progress">
          Importing {Math.min(done + 1, total)} of {total}: <span className="current-file">{current}</span>
        </label>
        <span className="muted time-left">{cancelling ? 'stopping after this file…' : formatTimeLeft(left)}</span>
        <button type="button" onClick={progress.cancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <progress id="import-progress" max={total} value={done} />
    </div>
  );
}

export function ImportStatus({ progress }: { progress: ImportProgress }) {
  if (progress.total === 0) return null;
  const { done, total, notImported } = progress;
  return (
    <section className="import-status" aria-label="Import">
      {progress.running ? (
        <Running progress={progress} />
      ) : notImported > 0 ? (
        <p className="import-summary" role="status">
          Import cancelled after {done} of {total} files: {summary(progress.results)}. {notImported} {notImported === 1 ? 'file was' : 'files were'} not
          imported because of the cancel.
        </p>
      ) : (
        <p className="import-summary" role="status">
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
