/**
 * The library: one row per article, title opens the reader. A file dropped on a row is attached to
 * that article (a citation record's PDF becomes its full text) instead of being imported anew.
 */
import { useState, type DragEvent } from 'react';
import type { ArticleSummary } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

const KIND_LABEL: Record<ArticleSummary['kind'], string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  html: 'HTML',
  citation: 'Record (abstract)',
};

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

function source(a: ArticleSummary): string {
  return [a.journal, a.year].filter((x) => x !== null && x !== '').join(' · ');
}

interface Props {
  articles: ArticleSummary[];
  /** Absent in a read-only review: rows then do not take drops. */
  onAttach?: (articleId: string, files: File[]) => void;
}

export function ArticleTable({ articles, onAttach }: Props) {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dropHandlers = (id: string) =>
    onAttach
      ? {
          onDragOver: (e: DragEvent) => {
            if (!hasFiles(e)) return;
            e.preventDefault();
            e.stopPropagation(); // the window-wide drop would import the file as a new article
            e.dataTransfer.dropEffect = 'link';
            setDropTarget(id);
          },
          onDragLeave: () => setDropTarget((t) => (t === id ? null : t)),
          onDrop: (e: DragEvent) => {
            if (!hasFiles(e)) return;
            e.preventDefault();
            e.stopPropagation();
            setDropTarget(null);
            onAttach(id, Array.from(e.dataTransfer.files));
          },
        }
      : {};
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
          <tr key={a.id} className={dropTarget === a.id ? 'drop-target' : undefined} data-article-id={a.id} {...dropHandlers(a.id)}>
            <td>
              <a href={hrefFor({ view: 'reader', articleId: a.id, annotationId: null })} className="title-link">
                {a.title || a.fileName}
              </a>
              {a.authors.length > 0 ? <div className="authors">{a.authors.join(', ')}</div> : null}
              {a.noTextLayer ? <div className="warn-text">No text layer (scanned?): nothing to select.</div> : null}
              {a.kind === 'citation' ? <div className="muted small">No full text yet: drop its PDF on this row to attach it.</div> : null}
              {dropTarget === a.id ? <div className="drop-hint">Drop to attach to this article</div> : null}
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
