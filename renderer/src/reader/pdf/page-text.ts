/**
 * Each page's text exactly as the importer defined it: getTextContent() items joined by
 * joinPageItems (shared/anchoring/pdf-text.ts). Offsets inside a page plus the page's span start
 * in Article.text give the offsets annotations store.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { joinPageItems, PDF_TEXT_CONTENT_PARAMS, type PageText, type PdfTextItemLike } from '../../../../shared/anchoring/pdf-text';

export class PageTexts {
  readonly #doc: PDFDocumentProxy;
  readonly #cache = new Map<number, Promise<PageText>>();

  constructor(doc: PDFDocumentProxy) {
    this.#doc = doc;
  }

  /** 1-based page number. Same call and options as the importer, so the items are the same. */
  get(pageNumber: number): Promise<PageText> {
    let text = this.#cache.get(pageNumber);
    if (!text) {
      text = this.#doc
        .getPage(pageNumber)
        .then((page) => page.getTextContent(PDF_TEXT_CONTENT_PARAMS))
        // TextMarkedContent items have no `str`; joinPageItems skips them (as the importer's does).
        .then((content) => joinPageItems(content.items as PdfTextItemLike[]));
      this.#cache.set(pageNumber, text);
    }
    return text;
  }
}
