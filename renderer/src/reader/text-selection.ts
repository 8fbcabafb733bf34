/**
 * What the reader knows about a selection: a span of Article.text (what the core stores) and where
 * to draw the toolbar. Views turn a DOM Range into offsets; this module trims and packages them.
 */
export interface TextSelection {
  start: number;
  end: number;
  exact: string;
  /** Viewport coordinates of the selection's bounding box, for the toolbar. */
  rect: { top: number; bottom: number; left: number; right: number };
}

/** Character count from the start of `root` to a DOM boundary point (Range.toString counts text only). */
export function offsetWithin(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Drop surrounding whitespace: a quote that starts or ends with a newline anchors badly. */
export function toSelection(text: string, start: number, end: number, range: Range): TextSelection | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  const r = range.getBoundingClientRect();
  return { start: s, end: e, exact: text.slice(s, e), rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
}

/** The current non-empty selection's range, if it lies inside `root`. */
export function rangeInside(root: Node): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  return range;
}
