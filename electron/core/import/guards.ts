/**
 * Checks every file passes before an extractor sees it: not empty, not too large, and for PDFs,
 * actually a PDF — so the user hears "this is not a PDF" rather than a parser's complaint.
 */
import { EvidentiaError } from '../../../shared/result.js';

/** Larger than any article; a PDF this size is a scanned book or a mistake, and would exhaust memory. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;

/** The PDF spec lets the header start anywhere in the first 1024 bytes (junk before it is tolerated). */
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function checkSize(bytes: Uint8Array, fileName: string, maxBytes = MAX_IMPORT_BYTES): void {
  if (bytes.length === 0) throw new EvidentiaError('empty-file', `${fileName} is empty (0 bytes).`);
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    throw new EvidentiaError('too-large', `${fileName} is too large to import (${mb(bytes.length)}; the limit is ${mb(maxBytes)}).`);
  }
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

/** A text-like file whose extracted text is blank has nothing to annotate. */
export function checkHasText(text: string, fileName: string): void {
  if (text.trim() === '') throw new EvidentiaError('empty-file', `${fileName} has no text to import.`);
}
