/** The sheet's toolbar: template, filters (from the facets), text search, grouping and the count. */
import type { ReactNode } from 'react';
import type { RecordStatus, SheetFacets, SheetFilter, SheetGroupBy, Template } from '../../../shared/model/index';
import { RECORD_STATUS_LABELS, RecordStatus as Statuses } from '../../../shared/model/index';

interface Props {
  templates: Template[];
  templateId: string | null;
  onTemplate: (id: string) => void;
  facets: SheetFacets | null;
  filter: SheetFilter;
  onFilter: (filter: SheetFilter) => void;
  text: string;
  onText: (text: string) => void;
  groupBy: SheetGroupBy;
  onGroupBy: (groupBy: SheetGroupBy) => void;
  recordCount: number | null;
  busy: boolean;
}

function Pick({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <label className="sheet-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

export function SheetToolbar(props: Props) {
  const { facets, filter, onFilter } = props;
  const set = (key: keyof SheetFilter) => (value: string) => onFilter({ ...filter, [key]: value === '' ? undefined : value });
  const filtered = Object.values(filter).some((v) => v !== undefined) || props.text.trim() !== '';
  return (
    <div className="sheet-toolbar">
      {props.templates.length > 1 ? (
        <Pick label="Template" value={props.templateId ?? ''} onChange={props.onTemplate}>
          {props.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Pick>
      ) : null}
      <Pick label="Article" value={filter.articleId ?? ''} onChange={set('articleId')}>
        <option value="">All articles</option>
        {facets?.articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </Pick>
      <Pick label="Outcome" value={filter.outcome ?? ''} onChange={set('outcome')}>
        <option value="">All outcomes</option>
        {facets?.outcomes.map((o) => (
          <option key={o.name} value={o.name}>
            {o.name} ({o.count.toLocaleString()})
          </option>
        ))}
      </Pick>
      <Pick label="Reviewer" value={filter.reviewer ?? ''} onChange={set('reviewer')}>
        <option value="">All reviewers</option>
        {facets?.reviewers.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Pick>
      <Pick label="Tag" value={filter.tag ?? ''} onChange={set('tag')}>
        <option value="">All tags</option>
        {facets?.tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Pick>
      <Pick label="Status" value={filter.status ?? ''} onChange={set('status')}>
        <option value="">Any status</option>
        {Statuses.options.map((s: RecordStatus) => (
          <option key={s} value={s}>
            {RECORD_STATUS_LABELS[s]}
          </option>
        ))}
      </Pick>
      <label className="sheet-filter search">
        <span>Search</span>
        <input type="search" placeholder="Any cell, quote or article" value={props.text} onChange={(e) => props.onText(e.target.value)} />
      </label>
      <Pick label="Group by" value={props.groupBy} onChange={(v) => props.onGroupBy(v as SheetGroupBy)}>
        <option value="none">No grouping</option>
        <option value="article">Article</option>
        <option value="outcome">Outcome</option>
      </Pick>
      {filtered ? (
        <button
          type="button"
          className="link clear-filters"
          onClick={() => {
            onFilter({});
            props.onText('');
          }}
        >
          Clear filters
        </button>
      ) : null}
      <span className="spacer" />
      <output className="sheet-count" aria-live="polite" aria-busy={props.busy}>
        {props.recordCount === null ? 'Loading…' : `${props.recordCount.toLocaleString('en')} ${props.recordCount === 1 ? 'record' : 'records'}`}
      </output>
    </div>
  );
}
