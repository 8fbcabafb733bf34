/**
 * One library row at a fixed offset in the virtualised list: the title opens the reader, and a file
 * dropped on the row is attached to that article (a citation record's PDF becomes its full text)
 * instead of being imported anew. Memoised: scrolling renders only rows that enter the window.
 */
import { memo, type DragEvent } from 'react';
import type { ArticleSummary } from '../../../shared/model/index';
import { hrefFor } from '../app/route';
import { KIND_LABEL, sourceOf, titleOf } from './article-columns';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

interface Props {
  article: ArticleSummary;
  index: number;
  /** Offset from the top of the body, in pixels. */
  top: number;
  /** The virtualiser's measuring ref: rows differ in height (authors, warnings). */
  measure: (el: Element | null) => void;
  isDropTarget: boolean;
  setDropTarget: (update: (current: string | null) => string | null) => void;
  /** Absent in a read-only review: rows then do not take drops. */
  onAttach?: ((articleId: string, files: File[]) => void) | undefined;
}

export const ArticleRow = memo(function ArticleRow({ article: a, index, top, measure, isDropTarget, setDropTarget, onAttach }: Props) {
  const drop = onAttach
    ? {
        onDragOver: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.stopPropagation(); // the window-wide drop would import the file as a new article
          e.dataTransfer.dropEffect = 'link';
          setDropTarget(() => a.id);
        },
        onDragLeave: () => setDropTarget((t) => (t === a.id ? null : t)),
        onDrop: (e: DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.stopPropagation();
          setDropTarget(() => null);
          onAttach(a.id, Array.from(e.dataTransfer.files));
        },
      }
    : {};
  return (
    <div
      ref={measure}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-article-id={a.id}
      className={isDropTarget ? 'article-row drop-target' : 'article-row'}
      style={{ transform: `translateY(${top}px)` }}
      {...drop}
    >
      <div role="cell" className="cell">
        <a href={hrefFor({ view: 'reader', articleId: a.id, annotationId: null })} className="title-link">
          {titleOf(a)}
        </a>
        {a.authors.length > 0 ? <div className="authors">{a.authors.join(', ')}</div> : null}
        {a.noTextLayer ? <div className="warn-text">No text layer (scanned?): nothing to select.</div> : null}
        {a.kind === 'citation' ? <div className="muted small">No full text yet: drop its PDF on this row to attach it.</div> : null}
        {isDropTarget ? <div className="drop-hint">Drop to attach to this article</div> : null}
      </div>
      <div role="cell" className="cell">
        {KIND_LABEL[a.kind]}
      </div>
      <div role="cell" className="cell">
        {sourceOf(a)}
      </div>
      <div role="cell" className="cell num">
        {a.annotationCount.toLocaleString()}
      </div>
      <div role="cell" className={a.orphanCount > 0 ? 'cell num warn-text' : 'cell num'}>
        {a.orphanCount.toLocaleString()}
      </div>
    </div>
  );
});
