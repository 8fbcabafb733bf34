/**
 * The article's annotations in reading order, then the orphans (whose quote is no longer found in
 * the text) apart, with their quote, so nothing a reviewer extracted silently disappears. An
 * article may carry thousands: the lists are virtualised inside the sidebar's scroll box.
 */
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnchoredAnnotation } from '../../../shared/model/index';
import { excerpt, keyFields, quoteOf, TYPE_LABEL } from './describe';
import { ScrollBoxContext, VirtualList, type ItemProps } from './VirtualList';

interface Props {
  annotations: AnchoredAnnotation[];
  readOnly: boolean;
  onFocus: (a: AnchoredAnnotation) => void;
  onEdit: (a: AnchoredAnnotation) => void;
  onDelete: (a: AnchoredAnnotation) => void;
  /** Opens the annotation's History (its audit log entries). */
  onHistory: (a: AnchoredAnnotation) => void;
  /** The annotation last revealed in the text: its entry is marked and scrolled into view. */
  activeId?: string | null;
  /** Shown above the list (the study details panel). */
  top?: ReactNode;
  /** Shown below the annotations (the outcome suggestions). */
  bottom?: ReactNode;
}

type Actions = Pick<Props, 'readOnly' | 'onFocus' | 'onEdit' | 'onDelete' | 'onHistory'>;

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

// Memoised: scrolling draws new entries without redrawing those already in view.
const Item = memo(function Item({ a, active, item, actions }: { a: AnchoredAnnotation; active: boolean; item: ItemProps; actions: Actions }) {
  const { readOnly, onFocus, onEdit, onDelete, onHistory } = actions;
  return (
    <li {...item} className={`annotation-item type-${a.body.type}${active ? ' active' : ''}`} data-annotation-id={a.id} aria-current={active || undefined}>
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
        <button type="button" className="link" onClick={() => onHistory(a)}>
          History
        </button>
      </div>
    </li>
  );
});

const keyOf = (a: AnchoredAnnotation) => a.id;

export function Sidebar(props: Props) {
  const { annotations, readOnly, onFocus, onEdit, onDelete, onHistory, activeId = null } = props;
  const [box, setBox] = useState<HTMLElement | null>(null);
  const anchored = useMemo(
    () =>
      annotations
        .filter((a) => a.anchor.status !== 'orphan')
        .sort((x, y) => (x.anchor.status === 'orphan' || y.anchor.status === 'orphan' ? 0 : x.anchor.start - y.anchor.start)),
    [annotations],
  );
  const orphans = useMemo(() => annotations.filter((a) => a.anchor.status === 'orphan'), [annotations]);
  // The handlers change on every reader render; reading them through a ref keeps the items memoised.
  const latest = useRef<Actions>({ readOnly, onFocus, onEdit, onDelete, onHistory });
  latest.current = { readOnly, onFocus, onEdit, onDelete, onHistory };
  const actions = useMemo<Actions>(
    () => ({
      readOnly,
      onFocus: (a) => latest.current.onFocus(a),
      onEdit: (a) => latest.current.onEdit(a),
      onDelete: (a) => latest.current.onDelete(a),
      onHistory: (a) => latest.current.onHistory(a),
    }),
    [readOnly],
  );
  const render = useCallback(
    (a: AnchoredAnnotation, item: ItemProps) => <Item a={a} active={a.id === activeId} item={item} actions={actions} />,
    [actions, activeId],
  );
  return (
    <ScrollBoxContext.Provider value={box}>
      <aside ref={setBox} className="annotations-sidebar" aria-label="Annotations">
        {props.top}
        <h2>Annotations ({anchored.length})</h2>
        {anchored.length === 0 ? <p className="muted">Select text in the article to tag an outcome, a discrepancy or a note.</p> : null}
        <VirtualList className="annotation-list" items={anchored} getKey={keyOf} renderItem={render} activeKey={activeId} />
        {orphans.length > 0 ? (
          <section className="orphans" aria-label="Orphaned annotations">
            <h2>Orphaned annotations ({orphans.length})</h2>
            <p className="muted">Their quote is no longer found in this article&apos;s text. They are kept; edit or delete them here.</p>
            <VirtualList className="annotation-list" items={orphans} getKey={keyOf} renderItem={render} />
          </section>
        ) : null}
        {props.bottom}
      </aside>
    </ScrollBoxContext.Provider>
  );
}
