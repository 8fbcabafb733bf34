/**
 * How a PDF's text is defined: the strings pdf.js getTextContent() returns, joined the same way at
 * import (Node) and in the viewer (renderer), so offsets stored in selectors mean the same thing in
 * both places. Each text item contributes its `str`, plus "\n" when pdf.js marks it end-of-line —
 * exactly what pdf.js's TextLayer draws (a span per item, a <br> per EOL).
 */
import type { PageSpan } from '../model/article.js';

/**
 * The getTextContent() parameters used at import and in the viewer. pdf.js's TextLayer draws its
 * spans from un-normalised text (it streams with disableNormalization: true); asking for the same
 * here keeps every item's `str` identical to its span's text, so highlight offsets map one-to-one
 * (ligatures such as "ﬁ" stay one character; quote matching normalises them anyway).
 */
export const PDF_TEXT_CONTENT_PARAMS = { disableNormalization: true } as const;

/** The subset of a pdf.js TextItem we rely on (TextMarkedContent items have no `str`). */
export interface PdfTextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export interface PageText {
  text: string;
  /** For each input item, its [start, end) in `text`; null for items without `str`. */
  itemSpans: Array<{ start: number; end: number } | null>;
}

export function joinPageItems(items: readonly PdfTextItemLike[]): PageText {
  let text = '';
  const itemSpans: PageText['itemSpans'] = [];
  for (const item of items) {
    if (typeof item.str !== 'string') {
      itemSpans.push(null);
      continue;
    }
    const start = text.length;
    text += item.str;
    itemSpans.push({ start, end: text.length });
    if (item.hasEOL) text += '\n';
  }
  return { text, itemSpans };
}

/** Separator between pages in Article.text. */
export const PAGE_SEPARATOR = '\n\n';

export function joinPages(pageTexts: readonly string[]): { text: string; pages: PageSpan[] } {
  const pages: PageSpan[] = [];
  let text = '';
  pageTexts.forEach((pageText, i) => {
    if (i > 0) text += PAGE_SEPARATOR;
    const start = text.length;
    text += pageText;
    pages.push({ page: i + 1, start, end: text.length });
  });
  return { text, pages };
}

/** The 1-based page holding `offset`, or null for non-paged articles. */
export function pageAt(pages: readonly PageSpan[], offset: number): number | null {
  if (pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo]!.page;
}
