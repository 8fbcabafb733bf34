/**
 * Mapping between a page's text (Article.text offsets) and pdf.js's text layer. The TextLayer draws
 * one <span role="presentation"> per text item whose `str` is non-empty, in item order, so the k-th
 * such span is the k-th non-empty item of joinPageItems' itemSpans.
 */
import type { PageText } from '../../../../shared/anchoring/pdf-text';
import { markAttributes, segment, type Highlight } from '../segments';
import { offsetWithin } from '../text-selection';

export interface LayerSpan {
  el: HTMLElement;
  /** [start, end) of this span's item within the page text. */
  start: number;
  end: number;
}

/** The item's original text, kept so highlights can be redrawn from scratch. */
const originalText = new WeakMap<HTMLElement, string>();

export function layerSpans(layer: HTMLElement, pageText: PageText): LayerSpan[] {
  const els = Array.from(layer.querySelectorAll<HTMLElement>('span[role="presentation"]'));
  const items = pageText.itemSpans.filter((s): s is { start: number; end: number } => s !== null && s.end > s.start);
  const n = Math.min(els.length, items.length);
  const out: LayerSpan[] = [];
  for (let i = 0; i < n; i++) out.push({ el: els[i]!, start: items[i]!.start, end: items[i]!.end });
  return out;
}

/**
 * Redraws <mark>s inside the spans. `pageStart` is the page's start in Article.text. The span's
 * text is left unchanged (only wrapped), so pdf.js's measured scaling still fits.
 */
export function paintHighlights(spans: readonly LayerSpan[], pageStart: number, highlights: readonly Highlight[]) {
  for (const span of spans) {
    const text = originalText.get(span.el) ?? span.el.textContent ?? '';
    const from = pageStart + span.start;
    const to = pageStart + span.end;
    const mine = highlights.filter((h) => h.start < to && h.end > from);
    const painted = originalText.has(span.el);
    if (mine.length === 0 && !painted) continue;
    originalText.set(span.el, text);
    span.el.replaceChildren();
    // Importer and viewer both ask pdf.js for un-normalised text (PDF_TEXT_CONTENT_PARAMS), so an
    // item and its span have the same length; the clamp only guards against a pdf.js that differs.
    for (const s of segment(from, to, mine)) {
      const a = Math.min(text.length, s.start - from);
      const b = s.end === to ? text.length : Math.min(text.length, s.end - from);
      if (b <= a) continue;
      const piece = document.createTextNode(text.slice(a, b));
      if (s.highlights.length === 0) {
        span.el.append(piece);
      } else {
        const mark = document.createElement('mark');
        const attrs = markAttributes(s.highlights);
        for (const [name, value] of Object.entries(attrs)) {
          if (name === 'className') mark.className = value;
          else mark.setAttribute(name, value);
        }
        // pdf.js moves its .endOfContent helper next to the element holding the selection's end,
        // stepping out of elements classed "highlight" (its own find marks) only. Without the class
        // it lands inside the span, covers the page and stops a drag at the first mark.
        mark.classList.add('highlight');
        mark.append(piece);
        span.el.append(mark);
      }
    }
  }
}

export interface PageLayer {
  pageStart: number;
  spans: LayerSpan[];
}

/**
 * Article.text offsets of a DOM range over one or more pages' text layers: the first and last spans
 * the range touches, with the offset inside them when the boundary falls in their text.
 */
export function rangeToOffsets(range: Range, pages: readonly PageLayer[]): { start: number; end: number } | null {
  let start: number | null = null;
  let end: number | null = null;
  for (const page of pages) {
    for (const span of page.spans) {
      if (!range.intersectsNode(span.el)) continue;
      const len = span.end - span.start;
      if (start === null) {
        const inside = span.el.contains(range.startContainer);
        const off = inside ? offsetWithin(span.el, range.startContainer, range.startOffset) : 0;
        start = page.pageStart + span.start + Math.min(off, len);
      }
      const inside = span.el.contains(range.endContainer);
      const off = inside ? offsetWithin(span.el, range.endContainer, range.endOffset) : len;
      end = page.pageStart + span.start + Math.min(off, len);
    }
  }
  return start === null || end === null ? null : { start, end };
}
