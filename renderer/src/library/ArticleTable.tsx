/**
 * The library: one row per article, title opens the reader, column headers sort. Virtualised: the
 * table is its own scroll box holding a sticky header and only the rows in view (measured, since
 * rows differ in height), so 10,000 articles cost what 30 do. ARIA table semantics keep it a
 * table to assistive technology (aria-rowcount tells the full size).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ArticleSummary } from '../../../shared/model/index';
import { ArticleRow } from './ArticleRow';
import { ArticleTableHead } from './ArticleTableHead';
import { useArticleSort } from './useArticleSort';
import { useScrollAnchor } from './useScrollAnchor';

interface Props {
  articles: ArticleSummary[];
  /** Absent in a read-only review: rows then do not take drops. */
  onAttach?: (articleId: string, files: File[]) => void;
}

/** A title line plus an author line; rows are measured once drawn. */
const ROW_ESTIMATE = 62;
const HEADER_FALLBACK = 38;

/** The sticky header's height: the rows start below it, and scrolling to a row must clear it. */
function useHeight(ref: RefObject<HTMLDivElement | null>, fallback: number): number {
  const [height, setHeight] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.offsetHeight || fallback);
    const observer = new ResizeObserver(() => setHeight(el.offsetHeight || fallback));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return height;
}

export function ArticleTable({ articles, onAttach }: Props) {
  const { rows, sort, toggle } = useArticleSort(articles);
  const ids = useMemo(() => rows.map((a) => a.id), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const header = useHeight(headRef, HEADER_FALLBACK);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // Stable between refreshes: a new key function makes the virtualiser re-measure every row.
  const getItemKey = useCallback((index: number) => ids[index]!, [ids]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    overscan: 8,
    scrollMargin: header,
    scrollPaddingStart: header,
    useFlushSync: false,
  });
  useScrollAnchor(virtualizer, ids, sort ? `${sort.key}:${sort.direction}` : 'added', header, scrollRef);

  return (
    <div ref={scrollRef} className="articles-scroll">
      <div className="articles" role="table" aria-label="Articles" aria-rowcount={rows.length + 1}>
        <ArticleTableHead sort={sort} onSort={toggle} headRef={headRef} />
        <div role="rowgroup" className="articles-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const article = rows[item.index]!;
            return (
              <ArticleRow
                key={item.key}
                article={article}
                index={item.index}
                top={item.start - header}
                measure={virtualizer.measureElement}
                isDropTarget={dropTarget === article.id}
                setDropTarget={setDropTarget}
                onAttach={onAttach}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
