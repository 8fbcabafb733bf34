/** Loads one article and its annotations; exposes setters so saves update the view at once. */
import { useEffect, useState } from 'react';
import type { AnchoredAnnotation, Article } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';

export function useArticle(articleId: string) {
  const { report } = useErrors();
  const [article, setArticle] = useState<Article | null>(null);
  const [annotations, setAnnotations] = useState<AnchoredAnnotation[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([api['articles.get']({ id: articleId }), api['annotations.list']({ articleId })]).then(
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
