/**
 * The article's annotations in reading order, then the orphans (whose quote is no longer found in
 * the text) apart, with their quote, so nothing a reviewer extracted silently disappears.
 */
import type { ReactNode } from 'react';
import type { AnchoredAnnotation } from '../../../shared/model/index';
import { excerpt, keyFields, quoteOf, TYPE_LABEL } from './describe';

interface Props {
  annotations: AnchoredAnnotation[];
  readOnly: boolean;
  onFocus: (a: AnchoredAnnotation) => void;
  onEdit: (a: AnchoredAnnotation) => void;
  onDelete: (a: AnchoredAnnotation) => void;
  /** Shown above the list (the study details panel). */
  top?: ReactNode;
  /** Shown below the annotations (the outcome suggestions). */
  bottom?: ReactNode;
}

function Summary({ a }: { a: AnchoredAnnotation }) {
  const fields = keyFields(a);
  return (
    <>
      <span className={`badge badge-${a.body.type}`}>{TYPE_LABEL[a.body.type]}</span>
      {a.anchor.status === 'fuzzy' ? (
        <span className="badge badge-fuzzy" title="Found again by its quote after the text changed">
          moved
        </span>
      ) : null}
      {fields ? <span className="annotation-fields">{excerpt(fields, 160)}</span> : null}
      <q className="annotation-quote">{excerpt(quoteOf(a), 180)}</q>
      <span className="annotation-meta">
        {a.reviewer}
        {a.anchor.status !== 'orphan' && a.anchor.page !== null ? ` · p. ${a.anchor.page}` : ''}
      </span>
    </>
  );
}

function Item({ a, readOnly, onFocus, onEdit, onDelete }: { a: AnchoredAnnotation } & Omit<Props, 'annotations' | 'top' | 'bottom'>) {
  return (
    <li className={`annotation-item type-${a.body.type}`} data-annotation-id={a.id}>
      {a.anchor.status === 'orphan' ? (
        // Nowhere to scroll to: the summary is plain content, not a button.
        <div className="annotation-focus">
          <Summary a={a} />
        </div>
      ) : (
        <button type="button" className="annotation-focus" onClick={() => onFocus(a)}>
          <Summary a={a} />
        </button>
      )}
      <div className="annotation-actions">
        <button type="button" className="link" disabled={readOnly} onClick={() => onEdit(a)}>
          Edit
        </button>
        <button type="button" className="link danger" disabled={readOnly} onClick={() => onDelete(a)}>
          Delete
        </button>
      </div>
    </li>
  );
}

export function Sidebar(props: Props) {
  const anchored = props.annotations
    .filter((a) => a.anchor.status !== 'orphan')
    .sort((x, y) => (x.anchor.status === 'orphan' || y.anchor.status === 'orphan' ? 0 : x.anchor.start - y.anchor.start));
  const orphans = props.annotations.filter((a) => a.anchor.status === 'orphan');
  return (
    <aside className="annotations-sidebar" aria-label="Annotations">
      {props.top}
      <h2>Annotations ({anchored.length})</h2>
      {anchored.length === 0 ? <p className="muted">Select text in the article to tag an outcome, a discrepancy or a note.</p> : null}
      <ul className="annotation-list">
        {anchored.map((a) => (
          <Item key={a.id} a={a} readOnly={props.readOnly} onFocus={props.onFocus} onEdit={props.onEdit} onDelete={props.onDelete} />
        ))}
      </ul>
      {orphans.length > 0 ? (
        <section className="orphans" aria-label="Orphaned annotations">
          <h2>Orphaned annotations ({orphans.length})</h2>
          <p className="muted">Their quote is no longer found in this article&apos;s text. They are kept; edit or delete them here.</p>
          <ul className="annotation-list">
            {orphans.map((a) => (
              <Item key={a.id} a={a} readOnly={props.readOnly} onFocus={props.onFocus} onEdit={props.onEdit} onDelete={props.onDelete} />
            ))}
          </ul>
        </section>
      ) : null}
      {props.bottom}
    </aside>
  );
}
