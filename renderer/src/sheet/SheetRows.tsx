/**
 * One grid row at a fixed offset: a record (one cell per column, the article cell opening the
 * reader at the quote), a group header (click to fold or unfold), or a placeholder while its page
 * loads. Memoised, so scrolling re-renders only rows that enter the window.
 */
import { memo } from 'react';
import type { FieldValue, SheetColumn, SheetGroupRow, SheetRecordRow } from '../../../shared/model/index';
import { hrefFor } from '../app/route';
import { CellEditor } from './CellEditor';
import { columnWidth, displayText, isNumeric } from './columns';

export interface CellPos {
  row: number;
  col: number;
}

interface RecordProps {
  index: number;
  row: SheetRecordRow;
  columns: SheetColumn[];
  /** Offset from the top of the body, in pixels. */
  top: number;
  /** Column index of the focused cell in this row, or -1. */
  focusCol: number;
  /** Column index being edited in this row, or -1. */
  editCol: number;
  onCommit: (row: SheetRecordRow, column: SheetColumn, value: FieldValue) => void;
  onCancel: () => void;
}

export function readerHref(row: SheetRecordRow): string {
  return hrefFor({ view: 'reader', articleId: row.articleId, annotationId: row.annotationId });
}

export const RecordRow = memo(function RecordRow({ index, row, columns, top, focusCol, editCol, onCommit, onCancel }: RecordProps) {
  return (
    <div className="sheet-row" role="row" aria-rowindex={index + 2} data-row={index} style={{ transform: `translateY(${top}px)` }}>
      {columns.map((column, c) => {
        const text = displayText(row, column.key);
        const classes = ['sheet-cell', column.level];
        if (c === 0) classes.push('sticky');
        if (isNumeric(column)) classes.push('num');
        if (row.missing.includes(column.key)) classes.push('missing');
        if (column.key === 'status' && row.status) classes.push(`status-${row.status}`);
        if (c === editCol) classes.push('editing');
        const editing = c === editCol;
        return (
          <div
            key={column.key}
            role="gridcell"
            aria-colindex={c + 1}
            data-cell={`${index}:${c}`}
            tabIndex={c === focusCol ? 0 : -1}
            className={classes.join(' ')}
            style={{ width: columnWidth(column) }}
            title={editing ? undefined : row.missing.includes(column.key) ? `${column.label} is required and empty.` : text.length > 18 ? text : undefined}
          >
            {editing ? (
              <CellEditor row={row} column={column} onCommit={(value) => onCommit(row, column, value)} onCancel={onCancel} />
            ) : column.key === 'article' ? (
              <a className="open-link" href={readerHref(row)} tabIndex={-1} title={`Open ${row.articleTitle} at the quote`}>
                {text}
              </a>
            ) : column.key === 'status' && row.status ? (
              <span className="status-pill">{text}</span>
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );
});

interface GroupProps {
  index: number;
  row: SheetGroupRow;
  /** Offset from the top of the body, in pixels. */
  top: number;
  focused: boolean;
  onToggle: (key: string) => void;
}

export const GroupRow = memo(function GroupRow({ index, row, top, focused, onToggle }: GroupProps) {
  return (
    <div className="sheet-row group" role="row" aria-rowindex={index + 2} data-row={index} style={{ transform: `translateY(${top}px)` }}>
      <div role="gridcell" className="sheet-cell group-cell sticky" data-cell={`${index}:0`} tabIndex={focused ? 0 : -1}>
        <button type="button" className="group-toggle" aria-expanded={!row.collapsed} tabIndex={-1} onClick={() => onToggle(row.key)}>
          <span className="chevron" aria-hidden="true">
            {row.collapsed ? '▸' : '▾'}
          </span>
          {row.label}
        </button>
        <span className="badge">{row.count.toLocaleString()}</span>
      </div>
    </div>
  );
});

export function LoadingRow({ index, top }: { index: number; top: number }) {
  return (
    <div className="sheet-row loading" role="row" aria-rowindex={index + 2} aria-busy="true" data-row={index} style={{ transform: `translateY(${top}px)` }}>
      <div role="gridcell" className="sheet-cell sticky">
        <span className="skeleton" />
      </div>
    </div>
  );
}
