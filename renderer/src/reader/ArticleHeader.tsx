/** Title and bibliographic line above the reader. */
import type { Article } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

export function ArticleHeader({ article }: { article: Article }) {
  const source = [article.journal, article.year, article.doi ? `doi:${article.doi}` : null].filter(Boolean).join(' · ');
  return (
    <div className="article-header">
      <a href={hrefFor({ view: 'library' })} className="back">
        ← Library
      </a>
      <h1>{article.title || article.source.fileName}</h1>
      <p className="muted">
        {article.authors.length > 0 ? `${article.authors.join(', ')}. ` : ''}
        {source}
        {source ? ' · ' : ''}
        {article.source.fileName}
      </p>
    </div>
  );
}
