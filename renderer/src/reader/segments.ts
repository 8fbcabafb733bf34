/**
 * Turning overlapping highlight ranges into flat, non-overlapping segments, so text can be drawn
 * as a run of plain pieces and <mark>s (used by the text view and inside PDF text-layer spans).
 * Outcome suggestions are highlights too (type 'suggestion', id = the suggestion's key); where they
 * overlap a real annotation, the annotation is drawn.
 */
import type { AnchoredAnnotation, AnnotationType } from '../../../shared/model/index';

export interface Highlight {
  id: string;
  type: AnnotationType | 'suggestion';
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Highlights covering this segment, the narrowest last (it is drawn on top). */
  highlights: Highlight[];
}

export function highlightsOf(annotations: readonly AnchoredAnnotation[]): Highlight[] {
  const out: Highlight[] = [];
  for (const a of annotations) {
    if (a.anchor.status === 'orphan' || a.anchor.end <= a.anchor.start) continue;
    out.push({ id: a.id, type: a.body.type, start: a.anchor.start, end: a.anchor.end });
  }
  return out;
}

/**
 * Suggestion highlights cut to the parts no real annotation covers, so a real annotation is drawn
 * whole (one mark, not split at a suggestion's ends) and always on top.
 */
export function withSuggestions(real: readonly Highlight[], suggestions: readonly Highlight[]): Highlight[] {
  if (suggestions.length === 0) return [...real];
  const covered = [...real].sort((a, b) => a.start - b.start);
  const out: Highlight[] = [...real];
  for (const s of suggestions) {
    let at = s.start;
    for (const r of covered) {
      if (r.end <= at) continue;
      if (r.start >= s.end) break;
      if (r.start > at) out.push({ ...s, start: at, end: r.start });
      at = Math.max(at, r.end);
      if (at >= s.end) break;
    }
    if (at < s.end) out.push({ ...s, start: at, end: s.end });
  }
  return out;
}

/** Segments covering exactly [from, to), split wherever a highlight starts or ends. */
export function segment(from: number, to: number, highlights: readonly Highlight[]): Segment[] {
  const inside = highlights.filter((h) => h.start < to && h.end > from);
  const cuts = new Set<number>([from, to]);
  for (const h of inside) {
    if (h.start > from) cuts.add(h.start);
    if (h.end < to) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside
      .filter((h) => h.start <= start && h.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    segments.push({ start, end, highlights: covering });
  }
  return segments;
}

/** The data-* attributes of a mark (for React props and for plain DOM alike). */
export type MarkAttributes = { className: string } & Record<`data-${string}`, string>;

/** Attributes a <mark> carries so the sidebar can find it and CSS can colour it. */
export function markAttributes(highlights: readonly Highlight[]): MarkAttributes {
  const real = highlights.filter((h) => h.type !== 'suggestion');
  if (real.length === 0) {
    const top = highlights[highlights.length - 1]!;
    return {
      className: 'hl hl-suggestion',
      'data-suggestion-key': top.id,
      'data-suggestion-keys': highlights.map((h) => h.id).join(' '),
    };
  }
  const top = real[real.length - 1]!;
  return {
    className: `hl hl-${top.type}${real.length > 1 ? ' hl-overlap' : ''}`,
    'data-annotation-id': top.id,
    'data-annotation-ids': real.map((h) => h.id).join(' '),
  };
}

/** Every mark that draws (part of) one annotation, or one suggestion (by its key). */
export function marksFor(root: ParentNode, id: string): HTMLElement[] {
  const v = CSS.escape(id);
  return Array.from(root.querySelectorAll<HTMLElement>(`mark[data-annotation-ids~="${v}"], mark[data-suggestion-keys~="${v}"]`));
}

/** Scroll the first mark of an annotation into view and flash all of them. Returns false if none. */
export function revealMarks(root: ParentNode, annotationId: string): boolean {
  const marks = marksFor(root, annotationId);
  if (marks.length === 0) return false;
  marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const m of marks) {
    m.classList.remove('flash');
    void m.offsetWidth; // restart the CSS animation when clicked twice
    m.classList.add('flash');
  }
  return true;
}
