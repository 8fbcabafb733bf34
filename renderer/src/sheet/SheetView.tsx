/**
 * The extraction sheet: every outcome record of the review as a row, the template's fields as
 * columns. The core filters, sorts, groups and pages; this view holds the query, fetches windows
 * of rows around what is visible, and saves edits made in place.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldValue, SheetColumn, SheetFacets, SheetFilter, SheetGroupBy, SheetRecordRow, SheetSort, Template } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReadOnly } from '../app/review';
import { sheetEdited } from '../history/commands';
import { useHistory } from '../history/HistoryProvider';
import { nextSort } from './columns';
import { SheetGrid } from './SheetGrid';
import { SheetToolbar } from './SheetToolbar';
import { useSheetRows, type RowsQuery } from './useSheetRows';
import '../styles/sheet.css';

const TEXT_DEBOUNCE_MS = 150;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SheetView() {
  const { report } = useErrors();
  const readOnly = useReadOnly();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const [facets, setFacets] = useState<SheetFacets | null>(null);
  const [filter, setFilter] = useState<SheetFilter>({});
  const [text, setText] = useState('');
  const searchText = useDebounced(text.trim(), TEXT_DEBOUNCE_MS);
  const [sort, setSort] = useState<SheetSort[]>([]);
  const [groupBy, setGroupBy] = useState<SheetGroupBy>('none');
  const [collapsed, setCollapsed] = useState<string[]>([]);

  useEffect(() => {
    void api['templates.list']({}).then((r) => (r.ok ? setTemplates(r.value) : report(r.error)));
  }, [report]);

  const loadFacets = useCallback(async () => {
    const r = await api['sheet.facets']({ templateId });
    if (r.ok) setFacets(r.value);
    else report(r.error);
  }, [report, templateId]);
  const query: RowsQuery = useMemo(
    () => ({ templateId, filter: { ...filter, text: searchText || undefined }, sort, groupBy, collapsed }),
    [templateId, filter, searchText, sort, groupBy, collapsed],
  );
  const history = useHistory();
  // Every undo or redo may touch a row (outcome records and study values are both rows here).
  const rows = useSheetRows(query, report, history.changed?.nonce ?? 0);
  // Facets once the first rows are in: asked together, the core would build the sheet twice.
  const ready = rows.ready;
  useEffect(() => {
    if (ready) void loadFacets();
  }, [ready, loadFacets]);
  const resetKey = JSON.stringify([templateId, query.filter, sort, groupBy]);

  const onSort = useCallback((column: string, additive: boolean) => setSort((s) => nextSort(s, column, additive)), []);
  const onToggleGroup = useCallback((key: string) => setCollapsed((list) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key])), []);
  const onGroupBy = (value: SheetGroupBy) => {
    setGroupBy(value);
    setCollapsed([]);
  };
  const onTemplate = (id: string) => {
    setTemplateId(id);
    setFilter({});
    setSort([]);
    setCollapsed([]);
  };

  const { replace } = rows;
  const { record } = history;
  const effectiveTemplate = rows.templateId ?? templateId;
  const onEdit = useCallback(
    async (row: SheetRecordRow, column: SheetColumn, value: FieldValue) => {
      const before = column.key === 'tags' ? row.tags.join('; ') : JSON.stringify(row.values[column.key] ?? (column.key === 'status' ? row.status : null));
      const after = column.key === 'tags' ? String(value ?? '') : JSON.stringify(value);
      if (before === after) return;
      const sent = column.key === 'tags' ? String(value ?? '') : value;
      const result = await api['sheet.edit']({ rowId: row.rowId, templateId: effectiveTemplate, column: column.key, value: sent });
      if (!result.ok) {
        report(result.error);
        return;
      }
      replace(result.value);
      record(sheetEdited(row, column, effectiveTemplate, result.value.previous, sent));
      if (column.key === 'o.outcome' || column.key === 'tags') void loadFacets();
    },
    [effectiveTemplate, loadFacets, replace, report, record],
  );

  const filtered = Object.values(query.filter).some((v) => v !== undefined);
  return (
    <main className="sheet-view">
      <SheetToolbar
        templates={templates}
        templateId={effectiveTemplate ?? null}
        onTemplate={onTemplate}
        facets={facets}
        filter={filter}
        onFilter={setFilter}
        text={text}
        onText={setText}
        groupBy={groupBy}
        onGroupBy={onGroupBy}
        recordCount={rows.ready ? rows.recordCount : null}
        busy={rows.stale}
      />
      {rows.ready && rows.total === 0 && !rows.stale ? (
        <div className="empty-state">
          {filtered ? (
            <p>No record matches these filters.</p>
          ) : (
            <>
              <h2>No outcome records yet</h2>
              <p className="muted">Open an article, select the text that reports a result, and tag it as an outcome: each record becomes a row here.</p>
            </>
          )}
        </div>
      ) : (
        <SheetGrid rows={rows} sort={sort} onSort={onSort} onToggleGroup={onToggleGroup} onEdit={onEdit} readOnly={readOnly} resetKey={resetKey} />
      )}
      <p className="sheet-hint muted">
        {readOnly ? 'Read-only: editing is disabled. ' : 'Double-click or press Enter to edit a cell; Escape cancels. '}
        Arrow keys move; click the article to open it at the quote. Shift-click a header to add a sort.
      </p>
    </main>
  );
}
