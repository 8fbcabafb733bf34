/**
 * A small non-modal card beside a suggestion (its highlight, or its row in the sidebar): the quote,
 * the values accepting would fill, and Accept / Reject. Escape, a click elsewhere or scrolling the text
 * under a card opened from a highlight closes it.
 * Focus moves to Accept when it opens; the caller puts it back where it was.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { OutcomeSuggestion } from '../../../shared/model/index';
import { excerpt } from './describe';
import { suggestionFields } from './suggestion-text';

export interface CardAnchor {
  /** Where the suggestion was clicked: its mark in the text, or its button in the sidebar. */
  rect: DOMRect;
  /** 'below' a mark in the text; 'left' of a sidebar row. */
  placement: 'below' | 'left';
}

interface Props {
  suggestion: OutcomeSuggestion;
  anchor: CardAnchor;
  readOnly: boolean;
  onAccept: () => Promise<void>;
  onReject: () => Promise<void>;
  /** `refocus`: closed from the keyboard or its × (give focus back), not by a click elsewhere. */
  onClose: (refocus: boolean) => void;
}

const GAP = 8;

function position(anchor: CardAnchor, width: number, height: number): CSSProperties {
  const { rect, placement } = anchor;
  const maxLeft = window.innerWidth - width - GAP;
  const maxTop = window.innerHeight - height - GAP;
  if (placement === 'left') {
    return { left: Math.max(GAP, rect.left - width - GAP), top: Math.max(GAP, Math.min(rect.top, maxTop)) };
  }
  // Below the mark, above it when there is no room below.
  const below = rect.bottom + GAP;
  const top = below + height <= window.innerHeight - GAP ? below : Math.max(GAP, rect.top - height - GAP);
  return { left: Math.max(GAP, Math.min(rect.left, maxLeft)), top };
}

export function SuggestionCard({ suggestion, anchor, readOnly, onAccept, onReject, onClose }: Props) {
  const card = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  // Off screen until measured (not visibility: hidden, which would refuse the focus given below).
  const [style, setStyle] = useState<CSSProperties>({ left: -10000, top: 0 });
  const [busy, setBusy] = useState(false);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;

  useLayoutEffect(() => {
    const el = card.current;
    if (el) setStyle(position(anchor, el.offsetWidth, el.offsetHeight));
  }, [anchor, suggestion.key]);

  useEffect(() => {
    const button = first.current;
    (button && !button.disabled ? button : card.current)?.focus({ preventScroll: true });
  }, [suggestion.key]);

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onCloseRef.current(true);
    };
    const down = (e: MouseEvent) => {
      if (!card.current?.contains(e.target as Node)) onCloseRef.current(false);
    };
    // A card below a mark would float away from it when the text scrolls: close it then.
    const scroll = (e: Event) => {
      if (anchorRef.current.placement === 'below' && !card.current?.contains(e.target as Node)) onCloseRef.current(false);
    };
    document.addEventListener('keydown', key);
    document.addEventListener('mousedown', down);
    document.addEventListener('scroll', scroll, true);
    return () => {
      document.removeEventListener('keydown', key);
      document.removeEventListener('mousedown', down);
      document.removeEventListener('scroll', scroll, true);
    };
  }, []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      // The card may be gone by now (accepted, rejected); React ignores the update then.
      setBusy(false);
    }
  }

  const fields = suggestionFields(suggestion);
  return (
    <div ref={card} className="suggestion-card" role="dialog" aria-labelledby={headingId} tabIndex={-1} style={style} data-suggestion-key={suggestion.key}>
      <div className="suggestion-card-head">
        <h2 id={headingId}>Suggested outcome</h2>
        <button type="button" className="link" aria-label="Close" onClick={() => onClose(true)}>
          ×
        </button>
      </div>
      <blockquote className="quote">{excerpt(suggestion.quote.exact, 200)}</blockquote>
      {fields.length > 0 ? (
        <dl className="suggestion-values">
          {fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No values could be read from this quote.</p>
      )}
      <p className="suggestion-sentence muted">{excerpt(suggestion.sentence.exact, 240)}</p>
      <div className="suggestion-card-actions">
        <button ref={first} type="button" className="primary" disabled={busy || readOnly} onClick={() => void run(onAccept)}>
          Accept
        </button>
        <button type="button" disabled={busy || readOnly} onClick={() => void run(onReject)}>
          Reject
        </button>
      </div>
    </div>
  );
}
