/**
 * The grid's sticky header: a band row grouping the record, study-level and outcome-level columns,
 * then one sortable header per column (click: sort by it; shift-click: add it as a further sort).
 */
import type { MouseEvent } from 'react';
import type { SheetColumn, SheetSort } from '../../../shared/model/index';
import { bands, columnWidth, isNumeric } from './columns';

interface Props {
  columns: SheetColumn[];
  sort: SheetSort[];
  onSort: (column: string, additive: boolean) => void;
}

function ariaSort(index: number, sort: SheetSort | undefined): 'ascending' | 'descending' | 'none' | undefined {
  if (!sort) return 'none';
  return index === 0 ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
}

export function SheetHeader({ columns, sort, onSort }: Props) {
  return (
    <div className="sheet-head" role="rowgroup">
      <div className="sheet-bands" aria-hidden="true">
        {bands(columns).map((band, i) => (
          <div key={i} className={`sheet-band ${band.level}`} style={{ width: band.width }}>
            <span>{band.label}</span>
          </div>
        ))}
      </div>
      <div className="sheet-row head" role="row" aria-rowindex={1}>
        {columns.map((column, i) => {
          const at = sort.findIndex((s) => s.column === column.key);
          const s = at >= 0 ? sort[at] : undefined;
          const classes = ['sheet-cell', 'head', column.level];
          if (i === 0) classes.push('sticky');
          if (isNumeric(column)) classes.push('num');
          if (column.retired) classes.push('retired');
          const title = [column.help, column.retired ? 'Retired in the current template version; shown because stored values use it.' : '', 'Click to sort; shift-click to add a further sort.']
            .filter(Boolean)
            .join('\n');
          return (
            <div key={column.key} role="columnheader" aria-sort={ariaSort(at, s)} aria-colindex={i + 1} className={classes.join(' ')} style={{ width: columnWidth(column) }}>
              <button type="button" className="sort-button" title={title} onClick={(e: MouseEvent) => onSort(column.key, e.shiftKey)}>
                <span className="label">{column.label}</span>
                {column.required ? <span className="required" aria-label="required">*</span> : null}
                {column.retired ? <span className="retired-mark">retired</span> : null}
                {s ? (
                  <span className="sort-mark" aria-hidden="true">
                    {s.direction === 'asc' ? '▲' : '▼'}
                    {sort.length > 1 ? <sub>{at + 1}</sub> : null}
                  </span>
                ) : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
