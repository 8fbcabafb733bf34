/**
 * Checks every file passes before an extractor sees it: not empty, not too large, and for PDFs,
 * actually a PDF — so the user hears "this is not a PDF" rather than a parser's complaint.
 */
import { EvidentiaError } from '../../../shared/result.js';

/** Larger than any article; a PDF this size is a scanned book or a mistake, and would exhaust memory. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;

const MB = 1024 * 1024;
/**
 * Text-like files are held whole as strings, parsed, stored in the article file and indexed for
 * search, which costs many times their size in memory (a 200 MB .txt peaked at 5 GB). Their limits
 * are set by what real files reach: PubMed's XML export of its 10,000-record maximum is about
 * 150 MB; a book-length plain text is a few MB; a saved web page with inline images some tens of MB.
 */
const MAX_BYTES_BY_EXTENSION: Readonly<Record<string, number>> = {
  txt: 160 * MB, // may be a PubMed or RIS export (see file-kind mayHoldRecords); as a document, MAX_TEXT_DOCUMENT_BYTES
  text: 32 * MB,
  md: 32 * MB,
  markdown: 32 * MB,
  html: 64 * MB,
  htm: 64 * MB,
  ris: 160 * MB,
  bib: 160 * MB,
  bibtex: 160 * MB,
  nbib: 160 * MB,
  medline: 160 * MB,
  xml: 160 * MB,
  json: 160 * MB,
};
/** A plain-text file that is not a citation export becomes one article's text: the limit of .text/.md. */
export const MAX_TEXT_DOCUMENT_BYTES = 32 * MB;

/** The largest file of this name's type Evidentia reads (checked before the file is loaded). */
export function maxBytesFor(fileName: string): number {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  return MAX_BYTES_BY_EXTENSION[ext] ?? MAX_IMPORT_BYTES;
}

export function tooLargeMessage(fileName: string, size: number, maxBytes: number): string {
  const mb = (n: number) => `${Math.round(n / MB)} MB`;
  // Name the file type when its own limit applied, so "160 MB" does not read as the limit for all files.
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')).toLowerCase() : '';
  const forType = maxBytes !== MAX_IMPORT_BYTES && maxBytes === maxBytesFor(fileName) ? ` for ${ext} files` : '';
  return `${fileName} is too large to import (${mb(size)}; the limit${forType} is ${mb(maxBytes)}).`;
}

/** The PDF spec lets the header start anywhere in the first 1024 bytes (junk before it is tolerated). */
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function checkSize(bytes: Uint8Array, fileName: string, maxBytes = MAX_IMPORT_BYTES): void {
  if (bytes.length === 0) throw new EvidentiaError('empty-file', `${fileName} is empty (0 bytes).`);
  if (bytes.length > maxBytes) throw new EvidentiaError('too-large', tooLargeMessage(fileName, bytes.length, maxBytes));
}

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

export function checkPdfHeader(bytes: Uint8Array, fileName: string): void {
  if (hasPdfHeader(bytes)) return;
  const looksLikeHtml = /^\s*<(!doctype|html)/i.test(new TextDecoder().decode(bytes.subarray(0, 64)));
  throw new EvidentiaError(
    'corrupt-file',
    looksLikeHtml
      ? `${fileName} is not a PDF: it is a web page saved with a .pdf name (often a download that failed). Download the PDF again.`
      : `${fileName} is not a PDF: it does not start with a PDF header (%PDF-). The file may be damaged or have the wrong extension.`,
  );
}

/**
 * A PDF saved under a text-like name (.txt, .md, .html …) would otherwise import as a page of
 * "%PDF-1.4 … endobj" gibberish, so it is refused with the fix. Only a header at the very start
 * counts: a text that merely mentions "%PDF-" is still text.
 */
export function checkNotPdf(bytes: Uint8Array, fileName: string): void {
  if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) return;
  const stem = fileName.includes('.') ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName;
  throw new EvidentiaError('unsupported-type', `${fileName} is a PDF saved with the wrong extension; rename it to ${stem}.pdf and import it again.`);
}

/** A text-like file whose extracted text is blank has nothing to annotate. */
export function checkHasText(text: string, fileName: string): void {
  if (text.trim() === '') throw new EvidentiaError('empty-file', `${fileName} has no text to import.`);
}
