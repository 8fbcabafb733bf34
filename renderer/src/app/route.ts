/**
 * Routing lives in the URL hash (#/article/<id>, #/article/<id>/annotation/<annotationId>,
 * #/compare/<discrepancyId>, #/sheet …)
 * so a reload reopens the same view, and the query string stays the bridge's (it carries the token).
 */
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'library' }
  | { view: 'reader'; articleId: string; annotationId: string | null }
  | { view: 'sheet' }
  | { view: 'templates' }
  | { view: 'duplicates' }
  | { view: 'forest' }
  | { view: 'discrepancies' }
  | { view: 'compare'; discrepancyId: string };

const SIMPLE_VIEWS = ['sheet', 'templates', 'duplicates', 'forest', 'discrepancies'] as const;

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([0-9a-f]{16})(?:\/annotation\/([A-Za-z0-9_-]{8,64}))?$/.exec(hash);
  if (article) return { view: 'reader', articleId: article[1]!, annotationId: article[2] ?? null };
  const compare = /^#\/compare\/([A-Za-z0-9_-]{8,64})$/.exec(hash);
  if (compare) return { view: 'compare', discrepancyId: compare[1]! };
  const simple = /^#\/([a-z]+)$/.exec(hash)?.[1];
  const view = SIMPLE_VIEWS.find((v) => v === simple);
  return view ? { view } : { view: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'reader':
      return route.annotationId ? `#/article/${route.articleId}/annotation/${route.annotationId}` : `#/article/${route.articleId}`;
    case 'compare':
      return `#/compare/${route.discrepancyId}`;
    case 'library':
      return '#/';
    default:
      return `#/${route.view}`;
  }
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
