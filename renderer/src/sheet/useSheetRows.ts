/**
 * The grid's window onto the core's rows: pages of PAGE_SIZE rows fetched on demand around the
 * visible range, kept in a small cache for the current query, and dropped when the query changes.
 * While a new query loads, the previous rows stay on screen (no flash of empty rows).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SheetColumn, SheetQuery, SheetRecordRow, SheetRow } from '../../../shared/model/index';
import type { ErrorInfo } from '../../../shared/result';
import { api } from '../api';

export const PAGE_SIZE = 200;
/** Pages kept per query (40 × 200 = 8,000 rows); the farthest from the newest go first. */
const MAX_PAGES = 40;

export type RowsQuery = Omit<SheetQuery, 'offset' | 'limit'>;

interface Cache {
  key: string;
  templateId: string;
  columns: SheetColumn[];
  total: number;
  recordCount: number;
  pages: Map<number, SheetRow[]>;
}

export interface SheetRows {
  /** False until the first page of the current query has arrived. */
  ready: boolean;
  /** True while the rows shown belong to an older query. */
  stale: boolean;
  templateId: string | null;
  columns: SheetColumn[];
  total: number;
  recordCount: number;
  /** The row at a visible index, or undefined while its page loads. */
  row(index: number): SheetRow | undefined;
  /** Asks for the pages covering rows start..end (inclusive). */
  ensure(start: number, end: number): void;
  /** Puts an edited row in place of the cached one. */
  replace(row: SheetRecordRow): void;
}

function pagesOf(start: number, end: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p += 1) out.push(p);
  return out;
}

function evict(pages: Map<number, SheetRow[]>, newest: number) {
  while (pages.size > MAX_PAGES) {
    let farthest = newest;
    for (const p of pages.keys()) if (Math.abs(p - newest) > Math.abs(farthest - newest)) farthest = p;
    pages.delete(farthest);
  }
}

/** @param revision moves when the rows changed behind the sheet's back (an undo or redo): they are fetched again. */
export function useSheetRows(query: RowsQuery, report: (error: ErrorInfo) => void, revision = 0): SheetRows {
  const key = `${revision}:${JSON.stringify(query)}`;
  const [cache, setCache] = useState<Cache | null>(null);
  const latest = useRef({ key, query, cache });
  latest.current = { key, query, cache };
  const inflight = useRef(new Set<string>());
  const wanted = useRef<[number, number]>([0, PAGE_SIZE - 1]);

  const fetchPage = useCallback(
    async (page: number) => {
      const { key: k, query: q } = latest.current;
      const id = `${page}:${k}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      const result = await api['sheet.query']({ ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      inflight.current.delete(id);
      if (k !== latest.current.key) return; // the query moved on meanwhile
      if (!result.ok) {
        report(result.error);
        return;
      }
      const value = result.value;
      setCache((prev) => {
        const pages = new Map(prev && prev.key === k ? prev.pages : []);
        pages.set(page, value.rows);
        evict(pages, page);
        return { key: k, templateId: value.templateId, columns: value.columns, total: value.total, recordCount: value.recordCount, pages };
      });
    },
    [report],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      wanted.current = [start, end];
      const { cache: c, key: k } = latest.current;
      for (const p of pagesOf(start, end)) if (!c || c.key !== k || !c.pages.has(p)) void fetchPage(p);
    },
    [fetchPage],
  );

  // A new query: fetch what the grid currently shows (the grid scrolls to the top on filter changes).
  useEffect(() => {
    const [start, end] = wanted.current;
    for (const p of pagesOf(start, end)) void fetchPage(p);
  }, [key, fetchPage]);

  const replace = useCallback((row: SheetRecordRow) => {
    setCache((prev) => {
      if (!prev) return prev;
      const pages = new Map(prev.pages);
      for (const [p, rows] of pages) {
        if (rows.some((r) => r.kind === 'record' && r.rowId === row.rowId)) pages.set(p, rows.map((r) => (r.kind === 'record' && r.rowId === row.rowId ? row : r)));
      }
      return { ...prev, pages };
    });
  }, []);

  const row = useCallback(
    (index: number) => cache?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [cache],
  );

  return {
    ready: cache !== null,
    stale: cache !== null && cache.key !== key,
    templateId: cache?.templateId ?? null,
    columns: cache?.columns ?? [],
    total: cache?.total ?? 0,
    recordCount: cache?.recordCount ?? 0,
    row,
    ensure,
    replace,
  };
}
