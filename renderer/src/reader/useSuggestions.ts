/**
 * The outcome finder's suggestions for one article (suggestions.list), reloaded whenever the
 * article's annotations change (a span tagged as an outcome is no longer suggested), and the two
 * things a reviewer does with one: accept it (a pre-filled outcome record; the caller adds it to
 * the annotations, which reloads the list) or reject it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnchoredAnnotation, OutcomeSuggestion } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';

/** Whether suggestions are drawn, remembered while the app runs (on by default). */
let shownByDefault = true;

/**
 * `enabled`: the article and its annotations are in (asking before would compute the list twice,
 * the second time without the spans just loaded) and, for a PDF, its first page is drawn (the core
 * computes suggestions in one go, and the viewer's files should not queue behind it).
 */
export function useSuggestions(articleId: string, annotations: readonly AnchoredAnnotation[], enabled: boolean) {
  const { report } = useErrors();
  const [loaded, setLoaded] = useState<{ articleId: string; list: OutcomeSuggestion[]; ready: boolean }>({
    articleId,
    list: [],
    ready: false,
  });
  const [shown, setShownState] = useState(shownByDefault);
  // Which outcome spans exist: a change there changes what the core leaves out.
  const tagged = annotations.map((a) => a.id).join(' ');

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void api['suggestions.list']({ articleId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        report(result.error);
        setLoaded((l) => (l.articleId === articleId && l.ready ? l : { articleId, list: [], ready: true }));
        return;
      }
      const list = [...result.value].sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
      setLoaded({ articleId, list, ready: true });
    });
    return () => {
      cancelled = true;
    };
  }, [articleId, tagged, report, enabled]);

  const drop = useCallback((key: string) => setLoaded((l) => ({ ...l, list: l.list.filter((s) => s.key !== key) })), []);

  const setShown = useCallback((value: boolean) => {
    shownByDefault = value;
    setShownState(value);
  }, []);

  /** Accepts a suggestion: returns the new outcome record, or null (the error is reported). */
  const accept = useCallback(
    async (key: string): Promise<AnchoredAnnotation | null> => {
      const result = await api['suggestions.accept']({ articleId, key });
      if (!result.ok) {
        report(result.error);
        return null;
      }
      drop(key);
      return result.value;
    },
    [articleId, report, drop],
  );

  /** Rejects a suggestion; true when the core remembered it. */
  const reject = useCallback(
    async (key: string): Promise<boolean> => {
      const result = await api['suggestions.reject']({ articleId, key });
      if (!result.ok) {
        report(result.error);
        return false;
      }
      drop(key);
      return true;
    },
    [articleId, report, drop],
  );

  // Until this article's list arrives, nothing (not the previous article's).
  const suggestions = loaded.articleId === articleId ? loaded.list : [];
  /** The first list is in (or failed): the text can be drawn without its marks changing under the mouse. */
  const ready = loaded.articleId === articleId && loaded.ready;
  return { suggestions, ready, shown, setShown, accept, reject };
}
