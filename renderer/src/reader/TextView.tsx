/**
 * A text, Markdown or HTML article: the stored Article.text as-is (pre-wrap), cut into segments so
 * anchored annotations are <mark>s. DOM text equals Article.text, so selection offsets are exact.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { markAttributes, revealMarks, segment, type Highlight } from './segments';
import { offsetWithin, rangeInside, toSelection, type TextSelection } from './text-selection';
import type { FocusRequest } from './focus';
import { useMouseSelection } from './useMouseSelection';

interface Props {
  text: string;
  highlights: Highlight[];
  focus: FocusRequest | null;
  onSelect: (selection: TextSelection | null) => void;
}

const Segments = memo(function Segments({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const segments = useMemo(() => segment(0, text.length, highlights), [text, highlights]);
  return segments.map((s) =>
    s.highlights.length === 0 ? (
      <span key={s.start}>{text.slice(s.start, s.end)}</span>
    ) : (
      <mark key={s.start} {...markAttributes(s.highlights)}>
        {text.slice(s.start, s.end)}
      </mark>
    ),
  );
});

export function TextView({ text, highlights, focus, onSelect }: Props) {
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus && root.current) revealMarks(root.current, focus.id);
  }, [focus]);

  useMouseSelection(root, () => {
    const el = root.current;
    const range = el ? rangeInside(el) : null;
    if (!el || !range) return onSelect(null);
    const start = offsetWithin(el, range.startContainer, range.startOffset);
    const end = offsetWithin(el, range.endContainer, range.endOffset);
    onSelect(toSelection(text, start, end, range));
  });

  return (
    <article className="text-view" aria-label="Article text">
      <div ref={root} className="article-text" tabIndex={0}>
        <Segments text={text} highlights={highlights} />
      </div>
    </article>
  );
}
