/**
 * The duplicate queue (#/duplicates): records import found to look alike (same title, a year within
 * one, an author in common), side by side. For each pair a person merges them (keeping either
 * side), says they are different articles (remembered), or links them as reports of one study.
 * Below, the study groups already linked.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DuplicatePair, DuplicateResolution } from '../../../shared/contract';
import type { ArticleSummary, DuplicateReason, StudyGroup } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReadOnly } from '../app/review';
import { ArticleCard } from './ArticleCard';
import { StudyGroups } from './StudyGroups';

const REASON_TEXT: Record<DuplicateReason, string> = {
  doi: 'Same DOI',
  pmid: 'Same PMID',
  'title-year-author': 'Same title, years at most one apart, and an author in common',
};

const NO_AUTHORS_TEXT = 'Same title, years at most one apart (one record lists no authors to compare)';

interface Data {
  pairs: DuplicatePair[];
  groups: StudyGroup[];
  articles: ArticleSummary[];
}

const titleOf = (a: ArticleSummary) => a.title || a.fileName;

function pairId(pair: DuplicatePair): string {
  return `${pair.a.id}-${pair.b.id}`;
}

function doneMessage(resolution: DuplicateResolution, pair: DuplicatePair): string {
  switch (resolution.action) {
    case 'merge': {
      const kept = resolution.keep === pair.b.id ? pair.b : pair.a;
      return `Merged into “${titleOf(kept)}”: its files, annotations and study values now include the other record's.`;
    }
    case 'not-duplicate':
      return `Marked as different articles: “${titleOf(pair.a)}” and “${titleOf(pair.b)}” will not be proposed again.`;
    case 'same-study':
      return `Linked as reports of one study: “${titleOf(pair.a)}” and “${titleOf(pair.b)}”.`;
  }
}

function PairView({ pair, disabled, onResolve }: { pair: DuplicatePair; disabled: boolean; onResolve: (r: DuplicateResolution) => void }) {
  const { a, b } = pair;
  const ids = { a: a.id, b: b.id };
  const noAuthors = pair.reason === 'title-year-author' && (a.authors.length === 0 || b.authors.length === 0);
  return (
    <section className="duplicate-pair" aria-label={`Possible duplicate: ${titleOf(a)}`}>
      <p className="duplicate-reason">
        <strong>{noAuthors ? NO_AUTHORS_TEXT : REASON_TEXT[pair.reason]}</strong>
        <span className="muted"> · found {new Date(pair.detected).toLocaleDateString()}</span>
      </p>
      <div className="duplicate-cards">
        <ArticleCard article={a} other={b} side="Left" />
        <ArticleCard article={b} other={a} side="Right" />
      </div>
      <div className="button-group duplicate-actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => onResolve({ ...ids, action: 'merge', keep: a.id })}>
          Merge (keep left)
        </button>
        <button type="button" className="primary" disabled={disabled} onClick={() => onResolve({ ...ids, action: 'merge', keep: b.id })}>
          Merge (keep right)
        </button>
        <button type="button" disabled={disabled} onClick={() => onResolve({ ...ids, action: 'not-duplicate' })}>
          Not duplicates
        </button>
        <button type="button" disabled={disabled} onClick={() => onResolve({ ...ids, action: 'same-study' })}>
          Same study, different reports
        </button>
      </div>
    </section>
  );
}

export function DuplicatesView({ onChanged }: { onChanged: () => void }) {
  const { report } = useErrors();
  const readOnly = useReadOnly();
  const [data, setData] = useState<Data | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [pairs, groups, articles] = await Promise.all([api['duplicates.list']({}), api['studies.list']({}), api['articles.list']({})]);
    for (const result of [pairs, groups, articles]) if (!result.ok) report(result.error);
    if (pairs.ok && groups.ok && articles.ok) setData({ pairs: pairs.value, groups: groups.value, articles: articles.value });
  }, [report]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const resolve = useCallback(
    async (resolution: DuplicateResolution, pair: DuplicatePair) => {
      setBusy(true);
      setMessage(null);
      try {
        const result = await api['duplicates.resolve'](resolution);
        if (result.ok) setMessage(doneMessage(resolution, pair));
        else report(result.error);
        await refresh();
        if (result.ok) onChanged();
      } finally {
        setBusy(false);
      }
    },
    [refresh, report, onChanged],
  );

  return (
    <main className="duplicates-view">
      <div className="toolbar">
        <h1>Duplicates</h1>
        {data && data.pairs.length > 0 ? (
          <span className="muted">
            {data.pairs.length} possible duplicate{data.pairs.length === 1 ? '' : 's'} to review
          </span>
        ) : null}
      </div>
      <p className="muted duplicates-intro">
        Records with the same DOI or PMID are merged when they are imported. Records that only look alike wait here.
        Merging keeps every file, annotation and study value of both records; where both have a value, the kept
        record's wins and empty fields are filled from the other.
      </p>
      <div role="status" className="duplicates-status">
        {message}
      </div>
      {data === null ? (
        <p className="muted">Loading…</p>
      ) : data.pairs.length === 0 ? (
        <div className="empty-state">
          <h2>No possible duplicates</h2>
          <p>When an import brings in a record that looks like one already in the review, the pair is listed here for you to decide.</p>
        </div>
      ) : (
        data.pairs.map((pair) => (
          <PairView key={pairId(pair)} pair={pair} disabled={busy || readOnly} onResolve={(r) => void resolve(r, pair)} />
        ))
      )}
      {data ? <StudyGroups groups={data.groups} articles={data.articles} /> : null}
    </main>
  );
}
