/**
 * Sorting the library by a column header, as in Zotero: a click sorts ascending, a second click
 * descending, a third goes back to the order articles were added. The choice is remembered. Empty
 * journals sort last either way, so "by journal" never opens on a screen of blanks.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/index';
import { KIND_LABEL, titleOf } from './article-columns';

export type SortKey = 'title' | 'kind' | 'source' | 'annotations' | 'orphans';
export interface ArticleSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

const STORAGE_KEY = 'evidentia.library.sort';
const KEYS: readonly SortKey[] = ['title', 'kind', 'source', 'annotations', 'orphans'];

// Numeric: "Trial 9" before "Trial 10"; base sensitivity: case and accents do not split runs.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function loadSort(): ArticleSort | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as ArticleSort | null;
    return parsed && KEYS.includes(parsed.key) && (parsed.direction === 'asc' || parsed.direction === 'desc') ? parsed : null;
  } catch {
    return null; // storage unavailable or garbled: the order added
  }
}

function saveSort(sort: ArticleSort | null) {
  try {
    if (sort) localStorage.setItem(STORAGE_KEY, JSON.stringify(sort));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered; sorting still works.
  }
}

type Compare = (a: ArticleSummary, b: ArticleSummary) => number;

const byTitle: Compare = (a, b) => collator.compare(titleOf(a), titleOf(b));

/** The primary comparison for a column (ascending); ties fall back to the title. */
const COMPARE: Record<SortKey, Compare> = {
  title: byTitle,
  kind: (a, b) => collator.compare(KIND_LABEL[a.kind], KIND_LABEL[b.kind]),
  source: (a, b) => collator.compare(a.journal ?? '', b.journal ?? '') || (a.year ?? 0) - (b.year ?? 0),
  annotations: (a, b) => a.annotationCount - b.annotationCount,
  orphans: (a, b) => a.orphanCount - b.orphanCount,
};

function isBlank(a: ArticleSummary, key: SortKey): boolean {
  return key === 'source' && !a.journal && a.year === null;
}

export function sortArticles(articles: readonly ArticleSummary[], sort: ArticleSort | null): ArticleSummary[] {
  if (!sort) return articles as ArticleSummary[];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const primary = COMPARE[sort.key];
  return [...articles].sort((a, b) => {
    const blank = Number(isBlank(a, sort.key)) - Number(isBlank(b, sort.key));
    if (blank !== 0) return blank;
    return sign * primary(a, b) || byTitle(a, b);
  });
}

export function useArticleSort(articles: readonly ArticleSummary[]) {
  const [sort, setSort] = useState<ArticleSort | null>(loadSort);
  const rows = useMemo(() => sortArticles(articles, sort), [articles, sort]);
  const toggle = useCallback((key: SortKey) => {
    setSort((current) => {
      const next: ArticleSort | null =
        current?.key !== key ? { key, direction: 'asc' } : current.direction === 'asc' ? { key, direction: 'desc' } : null;
      saveSort(next);
      return next;
    });
  }, []);
  return { rows, sort, toggle };
}
