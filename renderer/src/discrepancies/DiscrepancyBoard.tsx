/**
 * The discrepancy board (#/discrepancies): every disagreement between quotes — suggested by the
 * rules ("Run checks") or tagged by hand in the reader — to confirm, dismiss with a reason, reopen
 * or edit; filtered by status, kind and study, grouped by kind or by study. Below, the study groups.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { CheckReport, DiscrepancyStatus } from '../../../shared/model/index';
import { useReadOnly } from '../app/review';
import { applyFilters, DEFAULT_FILTERS, groupItems, kindLabel, NO_STUDY, plural, STATUSES, STATUS_LABELS, type Filters, type Grouping } from './board';
import { DiscrepancyCard } from './DiscrepancyCard';
import { StudyGroupsPanel } from './StudyGroupsPanel';
import { useDiscrepancies } from './useDiscrepancies';
import '../styles/discrepancies.css';

function summary(report: CheckReport): string {
  const { added, known } = report.stored;
  return (
    `Checked ${plural(report.articles, 'article')}: ${plural(added, 'suggested discrepancy', 'suggested discrepancies')} added` +
    `${known > 0 ? ` (${known} already on the board)` : ''}, ${plural(report.studies.length, 'study group')}.`
  );
}

/** A section whose body folds away; the heading says how many items it holds. */
function Collapsible({ title, count, children, className, defaultOpen = true }: { title: string; count: number; children: ReactNode; className?: string; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className={className ? `board-section ${className}` : 'board-section'} aria-label={title}>
      <h2>
        <button type="button" className="section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title} <span className="count">{count}</span>
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {children}
      </div>
    </section>
  );
}

export function DiscrepancyBoard() {
  const readOnly = useReadOnly();
  const { data, busy, review, changeStudies, runChecks } = useDiscrepancies();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [grouping, setGrouping] = useState<Grouping>('kind');
  const [message, setMessage] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const ids = { kind: useId(), study: useId(), group: useId() };

  const items = useMemo(() => data?.items ?? [], [data]);
  const kinds = useMemo(() => [...new Set(items.map((i) => i.kind))].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b))), [items]);
  const studies = useMemo(() => {
    const map = new Map<string, string>((data?.groups ?? []).map((g) => [g.id, g.label || 'Unnamed study']));
    for (const i of items) if (i.studyGroupId && !map.has(i.studyGroupId)) map.set(i.studyGroupId, i.studyLabel || 'Unnamed study');
    return [...map.entries()];
  }, [data, items]);
  const shown = useMemo(() => applyFilters(items, filters), [items, filters]);
  const sections = useMemo(() => groupItems(shown, grouping), [shown, grouping]);
  const counts = useMemo(() => {
    const c: Record<DiscrepancyStatus, number> = { suggested: 0, confirmed: 0, dismissed: 0 };
    for (const i of items) c[i.status]++;
    return c;
  }, [items]);

  const toggleStatus = (status: DiscrepancyStatus, on: boolean) => {
    const statuses = new Set(filters.statuses);
    if (on) statuses.add(status);
    else statuses.delete(status);
    setFilters({ ...filters, statuses });
  };

  const onRun = async () => {
    setRunning(true);
    setMessage(null);
    try {
      const report = await runChecks();
      if (report) setMessage(summary(report));
    } finally {
      setRunning(false);
    }
  };

  return (
    <main className="discrepancy-board">
      <div className="toolbar">
        <h1>Discrepancies</h1>
        <span className="muted">
          {counts.suggested} suggested · {counts.confirmed} confirmed · {counts.dismissed} dismissed
        </span>
        <span className="spacer" />
        <button type="button" className="primary" disabled={readOnly || busy || running} onClick={() => void onRun()}>
          {running ? 'Running checks…' : 'Run checks'}
        </button>
      </div>
      <div role="status" className="board-status">
        {message}
      </div>

      <div className="board-filters" role="group" aria-label="Filters">
        <fieldset className="status-filter">
          <legend>Status</legend>
          {STATUSES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={filters.statuses.has(s)} onChange={(e) => toggleStatus(s, e.target.checked)} /> {STATUS_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })}>
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.study}>Study</label>
          <select
            id={ids.study}
            value={filters.study ?? '*'}
            onChange={(e) => setFilters({ ...filters, study: e.target.value === '*' ? null : e.target.value })}
          >
            <option value="*">All studies</option>
            {studies.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
            <option value={NO_STUDY}>No study group</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.group}>Group by</label>
          <select id={ids.group} value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
            <option value="kind">Kind</option>
            <option value="study">Study</option>
          </select>
        </div>
      </div>

      {data === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <h2>No discrepancies yet</h2>
          <p>
            <strong>Run checks</strong> compares what the articles say about each study (journal, year, authors, sample
            size, outcome values…) and what each says against its own references. Discrepancies you tag in the reader
            are listed here too.
          </p>
        </div>
      ) : shown.length === 0 ? (
        <p className="muted board-none">No discrepancy matches these filters.</p>
      ) : (
        sections.map((section) => (
          <Collapsible key={`${grouping}:${section.key}`} title={section.title} count={section.items.length}>
            <div className="discrepancy-list">
              {section.items.map((item) => (
                <DiscrepancyCard key={item.id} item={item} disabled={readOnly || busy} review={review} showStudy={grouping !== 'study'} />
              ))}
            </div>
          </Collapsible>
        ))
      )}

      {data ? (
        <Collapsible title="Study groups" count={data.groups.length} className="board-studies">
          <StudyGroupsPanel groups={data.groups} articles={data.articles} disabled={readOnly || busy} change={changeStudies} />
        </Collapsible>
      ) : null}
    </main>
  );
}
