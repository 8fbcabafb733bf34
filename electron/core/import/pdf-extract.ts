/**
 * The pdf.js part of PDF import: bytes in, page texts and the document's own metadata out. Runs
 * inside the worker thread (pdf-worker.ts); never on the main thread, where a large or hostile PDF
 * would freeze the app.
 */
import { joinPageItems, PDF_TEXT_CONTENT_PARAMS, type PdfTextItemLike } from '../../../shared/anchoring/pdf-text.js';
import type { SizedLine } from '../../../shared/extraction/pdf-title.js';
import type { PdfDocInfo, PdfFailure, PdfText } from './pdf-protocol.js';
import { CachedBinaryDataFactory, loadPdfjs, type Pdfjs } from './pdfjs-runtime.js';

interface TextItemLike extends PdfTextItemLike {
  height?: number;
  transform?: number[];
}

/** Thrown inside the worker so the main thread can tell a password problem from a broken file. */
export class PdfExtractFailure extends Error {
  constructor(readonly failure: PdfFailure) {
    super(failure.message);
  }
}

export async function extractPdfText(data: Uint8Array, password?: string): Promise<PdfText> {
  const { pdfjs, worker, assets } = await loadPdfjs();
  const task = pdfjs.getDocument({
    data,
    password,
    ...assets,
    cMapPacked: true,
    // One fake worker for every document of this thread, and its data files read once (pdfjs-runtime.ts);
    // should that worker ever be gone, pdf.js makes one for this document as it used to.
    ...(worker && !worker.destroyed ? { worker } : {}),
    BinaryDataFactory: CachedBinaryDataFactory,
    // Hardening: no eval'd font programs, no system fonts or FontFace (there is no DOM here anyway).
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Errors only: warnings about odd but readable files are noise in a batch import.
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw new PdfExtractFailure(classify(error));
  }
  try {
    const pages: string[] = [];
    const failedPages: number[] = [];
    let firstPageLines: SizedLine[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent(PDF_TEXT_CONTENT_PARAMS);
        const items = content.items as TextItemLike[];
        pages.push(joinPageItems(items).text);
        if (n === 1) firstPageLines = sizedLines(items);
        page.cleanup();
      } catch {
        // One damaged page should not cost the reviewer the rest of the article.
        pages.push('');
        failedPages.push(n);
      }
    }
    if (doc.numPages > 0 && failedPages.length === doc.numPages) {
      throw new PdfExtractFailure({ kind: 'invalid', name: 'UnreadablePages', message: 'none of its pages could be read' });
    }
    return { pages, firstPageLines, failedPages, info: await readInfo(doc), pdfjsVersion: pdfjs.version };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfDoc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

async function readInfo(doc: PdfDoc): Promise<PdfDocInfo> {
  const empty: PdfDocInfo = {
    title: null, author: null, creationDate: null,
    xmpTitle: null, xmpCreators: [], xmpDate: null, xmpDoi: null, xmpJournal: null,
  };
  let meta;
  try {
    meta = await doc.getMetadata();
  } catch {
    return empty; // unreadable metadata is not a reason to refuse the text
  }
  const info = (meta.info ?? {}) as Record<string, unknown>;
  const xmp = meta.metadata;
  const xmpGet = (name: string): unknown => (xmp ? xmp.get(name) : null);
  return {
    title: str(info.Title),
    author: str(info.Author),
    creationDate: str(info.CreationDate),
    xmpTitle: str(xmpGet('dc:title')),
    xmpCreators: strList(xmpGet('dc:creator')),
    xmpDate: str(xmpGet('prism:coverdate')) ?? str(xmpGet('prism:publicationdate')) ?? str(xmpGet('xmp:createdate')),
    xmpDoi: str(xmpGet('prism:doi')) ?? str(xmpGet('dc:identifier')),
    xmpJournal: str(xmpGet('prism:publicationname')),
  };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function strList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  const s = str(v);
  return s ? [s] : [];
}

/**
 * Page 1's lines with the largest font size on each. A line ends where pdf.js marks end-of-line, and
 * also where the baseline jumps: pdf.js does not always mark EOL between a running footer and the
 * title that follows it in the content stream. (Not on size changes: small caps change size mid-word.)
 */
function sizedLines(items: readonly TextItemLike[]): SizedLine[] {
  const lines: SizedLine[] = [];
  let text = '';
  let size = 0;
  let baseline: number | null = null;
  const flush = () => {
    if (text.trim() !== '') lines.push({ text, size });
    text = '';
    size = 0;
    baseline = null;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    if (item.str.trim() !== '') {
      const itemSz = itemSize(item);
      const y = item.transform?.[5] ?? null;
      const jumped = text.trim() !== '' && y !== null && baseline !== null && Math.abs(y - baseline) > Math.max(itemSz, size);
      if (jumped) flush();
      size = Math.max(size, itemSz);
      baseline = y;
    }
    text += item.str;
    if (item.hasEOL) flush();
    if (lines.length >= 60) return lines;
  }
  flush();
  return lines;
}

function itemSize(item: TextItemLike): number {
  const t = item.transform;
  if (t && t.length >= 4) return Math.hypot(t[2] ?? 0, t[3] ?? 0);
  return item.height ?? 0;
}

/** pdf.js errors are classes in its bundle; their `name` survives, so classify by name and code. */
function classify(error: unknown): PdfFailure {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (name === 'PasswordException') return { kind: 'password', code: typeof e?.code === 'number' ? e.code : 1, message };
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException') {
    return { kind: 'invalid', name, message };
  }
  return { kind: 'failed', name, message };
}
