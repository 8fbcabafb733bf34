/**
 * pdf.js set up for the app's CSP: the worker is a same-origin file (Vite `?url`), no eval, and the
 * character maps / standard fonts / wasm decoders come from files vite.config.ts copies into the
 * build (under pdfjs/), so nothing is fetched from the network.
 * Importing this module also defines globalThis.pdfjsLib, which pdf_viewer.mjs reads at load time.
 */
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy } from 'pdfjs-dist';

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;

const asset = (path: string) => new URL(`pdfjs/${path}`, document.baseURI).href;

/**
 * One worker for the session, started as soon as this module loads (its 1.2 MB script then loads
 * while the viewer is being set up) and reused by every document: a document given a worker does
 * not end it when destroyed, so the next PDF opens without starting another.
 */
let worker: pdfjsLib.PDFWorker | null = null;
function sharedWorker(): pdfjsLib.PDFWorker {
  if (!worker || worker.destroyed) worker = new pdfjsLib.PDFWorker();
  return worker;
}
sharedWorker();

/** Opens a PDF from its bytes (fetched by the caller, so transport errors are ours to word). */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const task = pdfjsLib.getDocument({
    data,
    worker: sharedWorker(),
    isEvalSupported: false,
    cMapUrl: asset('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts/'),
    wasmUrl: asset('wasm/'),
    iccUrl: asset('iccs/'),
    // Imported articles may be hostile: no scripting, no external links fetched.
    enableXfa: false,
  });
  return task.promise;
}

export { pdfjsLib };
export type { PDFDocumentProxy };
