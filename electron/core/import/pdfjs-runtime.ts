/**
 * pdf.js, loaded once per extraction thread and kept ready for the next document. In Node, pdf.js
 * runs its "worker" half in the same thread (a fake worker); this module loads both halves up front
 * and shares one fake worker and one data-file cache across every document the thread reads.
 */
import { readFile } from 'node:fs/promises';
import { ensureDomMatrix } from './dom-matrix-stub.js';
import { pdfAssetDirs, type PdfAssetDirs } from './pdf-assets.js';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfWorker = InstanceType<Pdfjs['PDFWorker']>;

export interface PdfjsRuntime {
  pdfjs: Pdfjs;
  /** The thread's one fake worker, or null when it could not be set up (then each document gets its own). */
  worker: PdfWorker | null;
  assets: PdfAssetDirs;
}

let runtime: Promise<PdfjsRuntime> | null = null;

/** Load pdf.js (once): the first call starts it, later calls share it. Safe to call early, to warm up. */
export function loadPdfjs(): Promise<PdfjsRuntime> {
  runtime ??= load();
  return runtime;
}

async function load(): Promise<PdfjsRuntime> {
  ensureDomMatrix(); // pdf.js needs DOMMatrix at module load
  const nativePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker half, imported here rather than by the first getDocument: it registers itself as
  // globalThis.pdfjsWorker, which pdf.js then uses directly for every fake worker.
  // @ts-expect-error pdfjs-dist ships no type declarations for its worker module (nothing is used from it here).
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // The legacy build's core-js replaces Array.prototype.push for the whole thread, because Node 20's
  // V8 throws the wrong error type when pushing onto an array whose length is read-only (something
  // pdf.js never does). Its stand-in is a slow generic loop on pdf.js's hottest path (pushes per
  // glyph and text item): about a sixth of the extraction time. Both halves are loaded now, so
  // nothing installs it again: put the engine's own back. Same results, measured on the corpus.
  if (nativePush && Array.prototype.push !== nativePush.value) Object.defineProperty(Array.prototype, 'push', nativePush);
  let worker: PdfWorker | null = null;
  try {
    worker = new pdfjs.PDFWorker({ verbosity: 0 });
    await worker.promise;
  } catch {
    worker = null;
  }
  return { pdfjs, worker, assets: pdfAssetDirs() };
}

/** What pdf.js fetches from its data folders (pdf.js BaseBinaryDataFactory). */
type DataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';
const KIND_NAMES: Record<DataKind, string> = { cMapUrl: 'CMap', standardFontDataUrl: 'font', wasmUrl: 'wasm' };

/** Files read from pdfjs-dist's folders (standard fonts, CMaps), by path; they never change. */
const dataFiles = new Map<string, Promise<Uint8Array>>();

/**
 * pdf.js's Node data factory, with a memory: pdf.js caches CMaps and standard font data per
 * document only, so a batch of Helvetica papers would read the same font file once per PDF.
 * Every caller gets its own copy, because pdf.js may transfer (detach) what it is given.
 */
export class CachedBinaryDataFactory {
  readonly cMapUrl: string | null;
  readonly standardFontDataUrl: string | null;
  readonly wasmUrl: string | null;

  constructor({ cMapUrl = null, standardFontDataUrl = null, wasmUrl = null }: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.cMapUrl = cMapUrl;
    this.standardFontDataUrl = standardFontDataUrl;
    this.wasmUrl = wasmUrl;
  }

  async fetch({ kind, filename }: { kind: DataKind; filename: string }): Promise<Uint8Array> {
    if (!Object.hasOwn(KIND_NAMES, kind)) throw new Error(`Not implemented: ${String(kind)}`);
    const base = this[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const path = `${base}${filename}`;
    let file = dataFiles.get(path);
    if (!file) {
      file = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      dataFiles.set(path, file);
      // A failed read is not remembered: the next document tries again.
      file.catch(() => dataFiles.delete(path));
    }
    try {
      return (await file).slice();
    } catch {
      throw new Error(`Unable to load ${KIND_NAMES[kind]} data at: ${path}`);
    }
  }
}
