/**
 * Routing lives in the URL hash (#/article/<id>) so a reload reopens the same article, and the
 * query string stays the bridge's (it carries the token).
 */
import { useEffect, useState } from 'react';

export type Route = { view: 'library' } | { view: 'reader'; articleId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/article\/([0-9a-f]{16})$/.exec(hash);
  return match ? { view: 'reader', articleId: match[1]! } : { view: 'library' };
}

export function hrefFor(route: Route): string {
  return route.view === 'reader' ? `#/article/${route.articleId}` : '#/';
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
