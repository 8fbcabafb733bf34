/**
 * The virtualised grid: one scroll box holding a sticky header and only the rows in view (fixed
 * row height, @tanstack/react-virtual), a sticky article column, a focused cell moved with the
 * arrow keys, and in-place editing (double-click, Enter or F2).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldValue, SheetColumn, SheetRecordRow, SheetSort } from '../../../shared/model/index';
import { columnWidth, HEADER_HEIGHT, notEditable, ROW_HEIGHT } from './columns';
import { SheetHeader } from './SheetHeader';
import { GroupRow, LoadingRow, readerHref, RecordRow, type CellPos } from './SheetRows';
import type { SheetRows } from './useSheetRows';

interface Props {
  rows: SheetRows;
  sort: SheetSort[];
  onSort: (column: string, additive: boolean) => void;
  onToggleGroup: (key: string) => void;
  /** Saves an edit; resolves once the row is replaced (or the error reported). */
  onEdit: (row: SheetRecordRow, column: SheetColumn, value: FieldValue) => Promise<void>;
  readOnly: boolean;
  /** Changes when filter, sort or grouping change: the grid goes back to the top. */
  resetKey: string;
}

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

export function SheetGrid({ rows, sort, onSort, onToggleGroup, onEdit, readOnly, resetKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<CellPos | null>(null);
  const [editing, setEditing] = useState<CellPos | null>(null);
  const focusPending = useRef(false);
  const { columns, total } = rows;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total, rows.stale]);

  // Back to the top, and ask for the top rows now: the virtualiser only learns of the scroll later.
  useEffect(() => {
    const box = scrollRef.current;
    if (box) box.scrollTop = 0;
    setEditing(null);
    ensure(0, Math.ceil((box?.clientHeight ?? 1000) / ROW_HEIGHT));
  }, [resetKey, ensure]);

  // Moves DOM focus to the focused cell after a keyboard move (it may have just been rendered).
  useLayoutEffect(() => {
    if (!focusPending.current || !focus || editing) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.col}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const revealColumn = useCallback(
    (col: number) => {
      const box = scrollRef.current;
      if (!box || col === 0) return;
      const left = columns.slice(0, col).reduce((sum, c) => sum + columnWidth(c), 0);
      const width = columnWidth(columns[col]!);
      const stickyWidth = columns[0] ? columnWidth(columns[0]) : 0;
      if (left - stickyWidth < box.scrollLeft) box.scrollLeft = left - stickyWidth;
      else if (left + width > box.scrollLeft + box.clientWidth) box.scrollLeft = left + width - box.clientWidth;
    },
    [columns],
  );

  const moveTo = useCallback(
    (pos: CellPos) => {
      const next = { row: clamp(pos.row, 0, total - 1), col: clamp(pos.col, 0, columns.length - 1) };
      focusPending.current = true;
      setFocus(next);
      virtualizer.scrollToIndex(next.row, { align: 'auto' });
      revealColumn(next.col);
    },
    [columns.length, revealColumn, total, virtualizer],
  );

  const startEdit = useCallback(
    (pos: CellPos) => {
      const row = rows.row(pos.row);
      const column = columns[pos.col];
      if (readOnly || !row || row.kind !== 'record' || !column || notEditable(row, column)) return;
      setFocus(pos);
      setEditing(pos);
    },
    [columns, readOnly, rows],
  );

  const stopEdit = useCallback(() => {
    setEditing(null);
    focusPending.current = true;
  }, []);

  const commit = useCallback(
    (row: SheetRecordRow, column: SheetColumn, value: FieldValue) => {
      stopEdit();
      void onEdit(row, column, value);
    },
    [onEdit, stopEdit],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing || total === 0) return;
    const at = focus ?? { row: first, col: 0 };
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, CellPos> = {
      ArrowUp: { row: at.row - 1, col: at.col },
      ArrowDown: { row: at.row + 1, col: at.col },
      ArrowLeft: { row: at.row, col: at.col - 1 },
      ArrowRight: { row: at.row, col: at.col + 1 },
      PageUp: { row: at.row - page, col: at.col },
      PageDown: { row: at.row + page, col: at.col },
      Home: e.ctrlKey ? { row: 0, col: 0 } : { row: at.row, col: 0 },
      End: e.ctrlKey ? { row: total - 1, col: columns.length - 1 } : { row: at.row, col: columns.length - 1 },
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(focus ? move : at);
      return;
    }
    const row = rows.row(at.row);
    if ((e.key === 'Enter' || e.key === 'F2') && focus && row) {
      e.preventDefault();
      if (row.kind === 'group') onToggleGroup(row.key);
      else if (e.key === 'Enter' && e.ctrlKey) window.location.hash = readerHref(row);
      else startEdit(focus);
    }
  };

  const cellAt = (target: EventTarget): CellPos | null => {
    const cell = (target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const [r, c] = (cell?.dataset.cell ?? '').split(':').map(Number);
    return cell && r !== undefined && c !== undefined ? { row: r, col: c } : null;
  };

  const totalWidth = columns.reduce((sum, c) => sum + columnWidth(c), 0);
  return (
    <div
      ref={scrollRef}
      className={rows.stale ? 'sheet-scroll stale' : 'sheet-scroll'}
      role="grid"
      aria-label="Extraction sheet"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-readonly={readOnly || undefined}
      tabIndex={focus ? -1 : 0}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        const pos = cellAt(e.target);
        if (pos && !(editing && editing.row === pos.row && editing.col === pos.col)) setFocus(pos);
      }}
      onDoubleClick={(e) => {
        const pos = cellAt(e.target);
        if (pos) startEdit(pos);
      }}
    >
      <div className="sheet-inner" style={{ width: totalWidth }}>
        <SheetHeader columns={columns} sort={sort} onSort={onSort} />
        <div className="sheet-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.row(item.index);
            const top = item.start - HEADER_HEIGHT;
            if (!row) return <LoadingRow key={item.key} index={item.index} top={top} />;
            if (row.kind === 'group') {
              return <GroupRow key={item.key} index={item.index} row={row} top={top} focused={focus?.row === item.index} onToggle={onToggleGroup} />;
            }
            return (
              <RecordRow
                key={item.key}
                index={item.index}
                row={row}
                columns={columns}
                top={top}
                focusCol={focus?.row === item.index ? focus.col : -1}
                editCol={editing?.row === item.index ? editing.col : -1}
                onCommit={commit}
                onCancel={stopEdit}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
