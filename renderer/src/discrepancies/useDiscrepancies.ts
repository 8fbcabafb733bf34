/**
 * Loading the board's data (discrepancies, study groups, article titles) and the write actions,
 * each followed by a reload so the board always shows what the core stored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { ArticleSummary, CheckReport, DiscrepancyItem, StudyGroup } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';

export interface BoardData {
  items: DiscrepancyItem[];
  groups: StudyGroup[];
  articles: ArticleSummary[];
}

export function useDiscrepancies() {
  const { report } = useErrors();
  const [data, setData] = useState<BoardData | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [items, groups, articles] = await Promise.all([
      api['discrepancies.list']({}),
      api['studies.list']({}),
      api['articles.list']({}),
    ]);
    for (const result of [items, groups, articles]) if (!result.ok) report(result.error);
    setData((old) => ({
      items: items.ok ? items.value : (old?.items ?? []),
      groups: groups.ok ? groups.value : (old?.groups ?? []),
      articles: articles.ok ? articles.value : (old?.articles ?? []),
    }));
  }, [report]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one write, reports a failure, reloads; resolves to the value or null. */
  const write = useCallback(
    async <T>(call: () => Promise<Result<T>>): Promise<T | null> => {
      setBusy(true);
      try {
        const result = await call();
        if (!result.ok) report(result.error);
        await refresh();
        return result.ok ? result.value : null;
      } finally {
        setBusy(false);
      }
    },
    [refresh, report],
  );

  const review = useCallback((input: Input<'discrepancies.review'>) => write(() => api['discrepancies.review'](input)), [write]);
  const changeStudies = useCallback((input: Input<'studies.update'>) => write(() => api['studies.update'](input)), [write]);
  const runChecks = useCallback((): Promise<CheckReport | null> => write(() => api['checks.run']({ store: true })), [write]);

  return { data, busy, refresh, review, changeStudies, runChecks };
}
