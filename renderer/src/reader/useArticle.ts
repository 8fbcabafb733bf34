/**
 * Loads one article and its annotations; exposes setters so saves update the view at once. A PDF's
 * viewer and file start loading the moment the article says it is one, not once all is in.
 */
import { useEffect, useState } from 'react';
import type { AnchoredAnnotation, Article } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { preloadPdfView } from './pdf/LazyPdfView';

export function useArticle(articleId: string) {
  const { report } = useErrors();
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<AnchoredAnnotation[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const got = api['articles.get']({ id: articleId });
    void got.then((art) => {
      if (!cancelled && art.ok && art.value.kind === 'pdf') preloadPdfView(art.value.id);
    });
    void Promise.all([got, api['annotations.list']({ articleId })]).then(
      ([art, anns]) => {
        if (cancelled) return;
        if (art.ok) setArticle(art.value);
        else {
          setFailed(true);
          report(art.error);
        }
        if (anns.ok) setAnnotations(anns.value);
        else report(anns.error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [articleId, report]);

  return { article, annotations, setAnnotations, failed };
}
