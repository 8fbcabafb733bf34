/**
 * The pdf.js viewer (PDFViewer + EventBus + text layer) wired to Evidentia's offsets. pdf.js renders
 * only the pages near the viewport and recreates text layers as you scroll; every time a text layer
 * appears we paint that page's highlights into it. No React here: the component owns one instance.
 */
import { openPdf, type PDFDocumentProxy } from './pdfjs';
// After ./pdfjs: pdf_viewer.mjs reads globalThis.pdfjsLib when it loads.
import { EventBus, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import type { PageSpan } from '../../../../shared/model/index';
import { revealMarks, type Highlight } from '../segments';
import { PageTexts } from './page-text';
import { layerSpans, paintHighlights, rangeToOffsets, type PageLayer } from './text-layer';

/** pdf.js constants (AnnotationMode.DISABLE, TextLayerMode.ENABLE) without importing enums. */
const ANNOTATION_MODE_DISABLE = 0;
const TEXT_LAYER_ENABLE = 1;

export class PdfReader {
  readonly #container: HTMLDivElement;
  readonly #pages: readonly PageSpan[];
  readonly #eventBus = new EventBus();
  readonly #viewer: PDFViewer;
  #doc: PDFDocumentProxy | null = null;
  #texts: PageTexts | null = null;
  #highlights: Highlight[] = [];
  /** Annotation to reveal once its page's text layer is drawn. */
  #pendingReveal: { id: string; page: number } | null = null;
  #destroyed = false;

  /** `onFirstPage`: called once, when the first page has been drawn. */
  constructor(container: HTMLDivElement, viewer: HTMLDivElement, pages: readonly PageSpan[], onFirstPage?: () => void) {
    this.#container = container;
    this.#pages = pages;
    this.#viewer = new PDFViewer({
      container,
      viewer,
      eventBus: this.#eventBus,
      textLayerMode: TEXT_LAYER_ENABLE,
      // Links and forms of an imported PDF are not ours to run; they would also cover the text.
      annotationMode: ANNOTATION_MODE_DISABLE,
      removePageBorders: false,
    });
    this.#eventBus.on('pagesinit', () => {
      this.#viewer.currentScaleValue = 'page-width';
    });
    if (onFirstPage) {
      const first = () => {
        this.#eventBus.off('pagerendered', first);
        if (!this.#destroyed) onFirstPage();
      };
      this.#eventBus.on('pagerendered', first);
    }
    this.#eventBus.on('textlayerrendered', ({ pageNumber }: { pageNumber: number }) => {
      void this.#paintPage(pageNumber);
    });
  }

  async open(data: Uint8Array): Promise<number> {
    const doc = await openPdf(data);
    if (this.#destroyed) {
      void doc.destroy();
      return 0;
    }
    this.#doc = doc;
    this.#texts = new PageTexts(doc);
    this.#viewer.setDocument(doc);
    return doc.numPages;
  }

  setHighlights(highlights: Highlight[]) {
    this.#highlights = highlights;
    for (let i = 0; i < this.#viewer.pagesCount; i++) {
      if (this.#textLayerOf(i + 1)) void this.#paintPage(i + 1);
    }
  }

  /** Scroll to an annotation: its page first (pdf.js renders it), then its marks. */
  reveal(id: string, page: number | null) {
    if (revealMarks(this.#container, id)) return;
    if (page === null) return;
    this.#pendingReveal = { id, page };
    this.#viewer.scrollPageIntoView({ pageNumber: page });
  }

  /** Article.text offsets of a selection inside the text layers, or null if it is elsewhere. */
  async offsetsOf(range: Range): Promise<{ start: number; end: number } | null> {
    const layers: PageLayer[] = [];
    for (let n = 1; n <= this.#viewer.pagesCount; n++) {
      const layer = this.#textLayerOf(n);
      const span = this.#pages[n - 1];
      if (!layer || !span || !this.#texts || !range.intersectsNode(layer)) continue;
      layers.push({ pageStart: span.start, spans: layerSpans(layer, await this.#texts.get(n)) });
    }
    return rangeToOffsets(range, layers);
  }

  #textLayerOf(pageNumber: number): HTMLElement | null {
    const pageView = this.#viewer.getPageView(pageNumber - 1) as { div?: HTMLElement } | undefined;
    return pageView?.div?.querySelector<HTMLElement>('.textLayer') ?? null;
  }

  async #paintPage(pageNumber: number) {
    const layer = this.#textLayerOf(pageNumber);
    const span = this.#pages[pageNumber - 1];
    if (!layer || !span || !this.#texts) return;
    const pageText = await this.#texts.get(pageNumber);
    paintHighlights(layerSpans(layer, pageText), span.start, this.#highlights);
    const pending = this.#pendingReveal;
    if (pending && pending.page === pageNumber && revealMarks(this.#container, pending.id)) this.#pendingReveal = null;
  }

  destroy() {
    this.#destroyed = true;
    this.#viewer.setDocument(null as unknown as PDFDocumentProxy);
    void this.#doc?.destroy();
  }
}
