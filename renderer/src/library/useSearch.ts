/**
 * Search as you type: the query is sent SEARCH_DEBOUNCE_MS after the last keystroke, and an answer
 * to anything but the latest query is dropped (a slow early answer must not replace a newer one).
 * While the core is still building its index the answer is partial, so it is asked again every
 * REFRESH_MS until the index says it is ready.
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/model/index';
import { api } from '../api';

export const SEARCH_DEBOUNCE_MS = 120;
const REFRESH_MS = 1000;

export interface SearchState {
  /** The answer to the current query; null while there is none yet (or the query is blank). */
  result: SearchResult | null;
  error: string | null;
  /** A request for the current query is on its way. */
  searching: boolean;
}

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ result: null, error: null, searching: false });
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setState({ result: null, error: null, searching: false });
      return;
    }
    setState((s) => ({ ...s, searching: true }));
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const answer = await api['search.query']({ query });
      if (ticket !== latest.current) return; // a newer query was typed meanwhile
      if (!answer.ok) {
        setState({ result: null, error: answer.error.message, searching: false });
        return;
      }
      setState({ result: answer.value, error: null, searching: false });
      if (!answer.value.index.ready) timer = setTimeout(() => void ask(), REFRESH_MS);
    };
    timer = setTimeout(() => void ask(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return state;
}
