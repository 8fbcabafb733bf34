/**
 * pdf.js compiles font programs with `new Function` unless told not to. An imported PDF is hostile
 * input, and the UI's CSP has no 'unsafe-eval', so both places that open PDFs must pass
 * isEvalSupported: false: the import worker (Node, electron/core/import/pdf-extract.ts) and the
 * reader's viewer (renderer/src/reader/pdf/pdfjs.ts). Each is called for real and the parameters
 * it hands to getDocument are recorded.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';

type Params = Record<string, unknown>;
const seen = vi.hoisted(() => ({ importer: [] as Params[], viewer: [] as Params[] }));

// The import side: the real pdf.js, with getDocument wrapped so its parameters are recorded.
vi.mock('../../electron/core/import/pdfjs-runtime.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/import/pdfjs-runtime.js')>();
  return {
    ...real,
    loadPdfjs: async () => {
      const runtime = await real.loadPdfjs();
      const getDocument = (params: Params) => {
        seen.importer.push(params);
        return runtime.pdfjs.getDocument(params as never);
      };
      return { ...runtime, pdfjs: { ...runtime.pdfjs, getDocument } };
    },
  };
});

// The viewer side runs in Chromium; here pdf.js's browser build is replaced by a recorder.
vi.mock('pdfjs-dist', () => ({
  GlobalWorkerOptions: { workerSrc: '' },
  PDFWorker: class {
    destroyed = false;
  },
  getDocument: (params: Params) => {
    seen.viewer.push(params);
    return { promise: Promise.resolve({ numPages: 1 }) };
  },
}));
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => ({ default: 'app://app/assets/pdf.worker.min.mjs' }));

const { extractPdfText } = await import('../../electron/core/import/pdf-extract.js');

const hadDocument = 'document' in globalThis;
afterAll(() => {
  if (!hadDocument) delete (globalThis as { document?: unknown }).document;
});

describe('pdf.js never evaluates code from a PDF', () => {
  it('the import worker opens PDFs with isEvalSupported: false (and still extracts the text)', async () => {
    const text = await extractPdfText(makePdf({ pages: [['Responders at week 16: 79% vs 44%.']] }));
    expect(text.pages[0]).toContain('79% vs 44%');
    expect(seen.importer).toHaveLength(1);
    expect(seen.importer[0]).toMatchObject({ isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  });

  it('the reader viewer opens PDFs with isEvalSupported: false, no XFA, and data files from the app itself', async () => {
    (globalThis as { document?: unknown }).document = { baseURI: 'app://app/index.html' };
    // A variable specifier keeps the renderer (Vite `?url` imports, DOM types) out of the test tsconfig.
    const viewerModule = '../../renderer/src/reader/pdf/pdfjs.ts';
    const { openPdf } = (await import(/* @vite-ignore */ viewerModule)) as { openPdf: (data: Uint8Array) => Promise<unknown> };
    await openPdf(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(seen.viewer).toHaveLength(1);
    const params = seen.viewer[0]!;
    expect(params).toMatchObject({ isEvalSupported: false, enableXfa: false });
    for (const key of ['cMapUrl', 'standardFontDataUrl', 'wasmUrl', 'iccUrl']) {
      expect(String(params[key]), key).toMatch(/^app:\/\/app\/pdfjs\//);
    }
  });
});
