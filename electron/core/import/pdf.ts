/**
 * PDF import: text per page from pdf.js (in a worker thread, see pdf-pool.ts), joined exactly as the
 * viewer joins it (shared/anchoring/pdf-text.ts), plus the best metadata the file offers.
 */
import { availableParallelism } from 'node:os';
import { joinPages } from '../../../shared/anchoring/pdf-text.js';
import { guessFromText, mergeMeta, normaliseDoi, splitAuthors, yearOfDate } from '../../../shared/extraction/metadata.js';
import { titleFromSizedLines } from '../../../shared/extraction/pdf-title.js';
import { EvidentiaError } from '../../../shared/result.js';
import { PdfPoolError, PdfWorkerPool, type PdfOutcome } from './pdf-pool.js';
import type { PdfFailure, PdfText } from './pdf-protocol.js';
import type { ExtractedDocument, ExtractOptions } from './types.js';
import { locatePdfWorker } from './worker-location.js';

export interface PdfExtractionSettings {
  /** Path of the bundled worker; default: located by worker-location.ts (or $EVIDENTIA_PDF_WORKER). */
  workerPath?: string;
  /** A PDF that takes longer than this is abandoned and its worker terminated. */
  timeoutMs?: number;
  /** How many PDFs are read in parallel. */
  poolSize?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** One extraction worker per core (at most 8): imports of many PDFs use the whole machine. */
const DEFAULT_POOL_SIZE = Math.max(1, Math.min(8, availableParallelism()));
/** Metadata guesses look at the first pages only: later pages hold other papers' DOIs and years. */
const META_PAGES = 2;

let settings: PdfExtractionSettings = {};
let pool: PdfWorkerPool | null = null;

/** Change worker path, time limit or pool size; running workers are stopped and replaced lazily. */
export async function configurePdfExtraction(next: PdfExtractionSettings): Promise<void> {
  await shutdownPdfWorkers();
  settings = { ...settings, ...next };
}

export async function shutdownPdfWorkers(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.shutdown();
}

function getPool(): PdfWorkerPool {
  pool ??= new PdfWorkerPool({
    workerPath: locatePdfWorker(settings.workerPath),
    size: settings.poolSize ?? DEFAULT_POOL_SIZE,
    timeoutMs: settings.timeoutMs ?? Number(process.env.EVIDENTIA_PDF_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS),
  });
  return pool;
}

export async function extractPdf(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  let outcome: PdfOutcome;
  try {
    outcome = await getPool().run(bytes, options.password);
  } catch (error) {
    if (error instanceof PdfPoolError) throw poolError(fileName, error);
    throw error;
  }
  if (!outcome.ok) throw failureError(fileName, outcome.failure, options.password !== undefined);
  return toDocument(outcome.value, fileName);
}

function toDocument(pdf: PdfText, fileName: string): ExtractedDocument {
  const { text, pages } = joinPages(pdf.pages);
  const head = pdf.pages.slice(0, META_PAGES).join('\n');
  const guess = guessFromText(head);
  const { info } = pdf;
  const meta = mergeMeta(
    fileName,
    { title: info.title, authors: splitAuthors(info.author), doi: normaliseDoi(info.xmpDoi), journal: info.xmpJournal },
    { title: info.xmpTitle, authors: info.xmpCreators.flatMap(splitAuthors) },
    { title: titleFromSizedLines(pdf.firstPageLines) },
    // The text's own first line is no title for a PDF (running headers come first); titleFromSizedLines decides.
    { ...guess, title: null },
    { year: yearOfDate(info.xmpDate) },
    { year: yearOfDate(info.creationDate) },
  );
  return {
    kind: 'pdf',
    ext: 'pdf',
    text,
    pages,
    meta,
    extraction: { engine: 'pdfjs-dist', version: pdf.pdfjsVersion },
    noTextLayer: pdf.pages.every((p) => p.trim() === ''),
  };
}

/** pdf.js PasswordException codes (pdf.js src/shared/util.js PasswordResponses). */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

function failureError(fileName: string, failure: PdfFailure, passwordGiven: boolean): EvidentiaError {
  switch (failure.kind) {
    case 'password':
      // pdf.js says "need" when the password given was empty; a given one that fails is "incorrect".
      if (failure.code === INCORRECT_PASSWORD || (failure.code !== NEED_PASSWORD && passwordGiven)) {
        return new EvidentiaError('wrong-password', `The password given for ${fileName} is not correct.`);
      }
      return new EvidentiaError(
        'needs-password',
        `${fileName} is password-protected. Give its password (CLI: --password, app: you will be asked).`,
      );
    case 'invalid':
      return new EvidentiaError('corrupt-file', `${fileName} is damaged: ${describeDamage(failure.message)}`);
    case 'failed':
      return new EvidentiaError('corrupt-file', `${fileName} could not be read as a PDF: ${describeDamage(failure.message)}`);
  }
}

/** pdf.js messages, made readable: "Invalid Root reference." -> "invalid root reference". */
function describeDamage(message: string): string {
  const m = message.trim().replace(/\.$/, '');
  if (m === '') return 'unknown error';
  return m.charAt(0).toLowerCase() + m.slice(1);
}

function poolError(fileName: string, error: PdfPoolError): EvidentiaError {
  switch (error.reason) {
    case 'timeout':
      return new EvidentiaError('corrupt-file', `${fileName} could not be read: the PDF reader gave up (${error.message}); the file may be damaged or unusually complex.`);
    case 'crashed':
      return new EvidentiaError('corrupt-file', `${fileName} could not be read: ${error.message}.`);
    case 'shutdown':
      return new EvidentiaError('internal', `${fileName} was not imported: the app is shutting down.`);
  }
}
