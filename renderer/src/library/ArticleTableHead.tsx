/** The library's sticky header row: each column sorts on click (see useArticleSort). */
import type { RefObject } from 'react';
import type { ArticleSort, SortKey } from './useArticleSort';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Title' },
  { key: 'kind', label: 'Kind' },
  { key: 'source', label: 'Journal · Year' },
  { key: 'annotations', label: 'Annotations', numeric: true },
  { key: 'orphans', label: 'Orphans', numeric: true },
];

interface Props {
  sort: ArticleSort | null;
  onSort: (key: SortKey) => void;
  headRef: RefObject<HTMLDivElement | null>;
}

function nextAction(sorted: ArticleSort | null): string {
  if (!sorted) return 'sort ascending';
  return sorted.direction === 'asc' ? 'sort descending' : 'back to the order added';
}

export function ArticleTableHead({ sort, onSort, headRef }: Props) {
  return (
    <div ref={headRef} role="rowgroup" className="articles-head">
      <div role="row" aria-rowindex={1} className="article-row head">
        {COLUMNS.map((column) => {
          const sorted = sort?.key === column.key ? sort : null;
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={sorted ? (sorted.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={column.numeric ? 'cell num' : 'cell'}
            >
              <button type="button" className="sort-button" title={`Click to ${nextAction(sorted)}`} onClick={() => onSort(column.key)}>
                {column.label}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (sorted.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
