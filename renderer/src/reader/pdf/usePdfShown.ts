/**
 * Whether a PDF's first page is on screen (or its opening failed): the reader holds the outcome
 * suggestions back until then (see useSuggestions). A viewer that never reports still lets them
 * through after a few seconds.
 */
import { useCallback, useEffect, useState } from 'react';

const GIVE_UP_MS = 3000;

export function usePdfShown(isPdf: boolean): [boolean, () => void] {
  const [shown, setShown] = useState(false);
  const markShown = useCallback(() => setShown(true), []);
  useEffect(() => {
    if (!isPdf) return;
    const timer = setTimeout(markShown, GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [isPdf, markShown]);
  return [shown, markShown];
}
