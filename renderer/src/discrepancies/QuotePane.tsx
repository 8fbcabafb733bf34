/**
 * One pane of the side-by-side reader: an article's text, read-only, with the discrepancy's quotes
 * as <mark>s and the pane's own quote scrolled to the middle of the pane (only this pane scrolls:
 * not the page, not the other pane).
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';

export interface PaneMark {
  id: string;
  start: number;
  end: number;
}

interface Piece {
  start: number;
  end: number;
  marks: PaneMark[];
}

/** Cuts [0, length) wherever a mark starts or ends. */
function pieces(length: number, marks: readonly PaneMark[]): Piece[] {
  const cuts = new Set([0, length]);
  for (const m of marks) {
    cuts.add(Math.min(Math.max(m.start, 0), length));
    cuts.add(Math.min(Math.max(m.end, 0), length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

const PaneText = memo(function PaneText({ text, marks, current }: { text: string; marks: PaneMark[]; current: string | null }) {
  const list = useMemo(() => pieces(text.length, marks), [text, marks]);
  return list.map((p) =>
    p.marks.length === 0 ? (
      <span key={p.start}>{text.slice(p.start, p.end)}</span>
    ) : (
      <mark
        key={p.start}
        className={p.marks.some((m) => m.id === current) ? 'compare-mark current' : 'compare-mark'}
        data-quote-ids={p.marks.map((m) => m.id).join(' ')}
      >
        {text.slice(p.start, p.end)}
      </mark>
    ),
  );
});

interface Props {
  /** Names the pane (a region) for assistive technology and tests. */
  label: string;
  text: string;
  marks: PaneMark[];
  /** The mark this pane is about: drawn stronger and scrolled into view. */
  current: string | null;
}

export function QuotePane({ label, text, marks, current }: Props) {
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const box = scroller.current;
    const mark = box?.querySelector('mark.current');
    if (!box || !mark) return;
    const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [text, current]);

  return (
    <div ref={scroller} className="compare-scroll" role="region" aria-label={label} tabIndex={0}>
      {text === '' ? (
        <p className="muted compare-empty">This article has no text to show (a scanned PDF without a text layer?).</p>
      ) : (
        <div className="compare-text">
          <PaneText text={text} marks={marks} current={current} />
        </div>
      )}
    </div>
  );
}
