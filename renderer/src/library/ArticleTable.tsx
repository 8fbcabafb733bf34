/** The library: one row per article, title opens the reader. */
import type { ArticleSummary } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

const KIND_LABEL: Record<ArticleSummary['kind'], string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  html: 'HTML',
};

function source(a: ArticleSummary): string {
  return [a.journal, a.year].filter((x) => x !== null && x !== '').join(' · ');
}

export function ArticleTable({ articles }: { articles: ArticleSummary[] }) {
  return (
    <table className="articles">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Journal · Year</th>
          <th scope="col" className="num">
            Annotations
          </th>
          <th scope="col" className="num">
            Orphans
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <tr key={a.id}>
            <td>
              <a href={hrefFor({ view: 'reader', articleId: a.id, annotationId: null })} className="title-link">
                {a.title || a.fileName}
              </a>
              {a.authors.length > 0 ? <div className="authors">{a.authors.join(', ')}</div> : null}
              {a.noTextLayer ? <div className="warn-text">No text layer (scanned?): nothing to select.</div> : null}
            </td>
            <td>{KIND_LABEL[a.kind]}</td>
            <td>{source(a)}</td>
            <td className="num">{a.annotationCount}</td>
            <td className={a.orphanCount > 0 ? 'num warn-text' : 'num'}>{a.orphanCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
