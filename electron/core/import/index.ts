/**
 * The importers' front door: one function for every supported file type. Pure with respect to the
 * review (bytes in, ExtractedDocument out); the store decides what to write.
 */
import { EvidentiaError } from '../../../shared/result.js';
import { extensionOf, kindOf } from './file-kind.js';
import { checkHasText, checkPdfHeader, checkSize, MAX_TEXT_DOCUMENT_BYTES, maxBytesFor } from './guards.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPdf, shutdownPdfWorkers } from './pdf.js';
import { extractPlainText } from './text.js';
import type { ExtractDocument, ExtractedDocument } from './types.js';

export { configurePdfExtraction, type PdfExtractionSettings } from './pdf.js';
export { isSupportedFile, kindOf, extensionOf, mayHoldRecords, SUPPORTED_EXTENSIONS } from './file-kind.js';
export { MAX_IMPORT_BYTES, maxBytesFor } from './guards.js';
export type { ExtractDocument, ExtractedDocument, ExtractOptions } from './types.js';

export const extractDocument: ExtractDocument = async (bytes, fileName, options = {}) => {
  const name = baseName(fileName);
  const ext = extensionOf(name);
  const kind = kindOf(name);
  if (kind === null) {
    const shown = ext ? `.${ext} files are` : 'files without an extension are';
    throw new EvidentiaError('unsupported-type', `${name}: ${shown} not supported; Evidentia imports PDF, text, Markdown, HTML and citation files (RIS, BibTeX, NBIB/MEDLINE, PubMed XML, CSL-JSON, EndNote XML)`);
  }
  // A .txt may be a citation export up to maxBytesFor('txt'); one that reached here is a document.
  checkSize(bytes, name, kind === 'text' ? Math.min(maxBytesFor(name), MAX_TEXT_DOCUMENT_BYTES) : maxBytesFor(name));
  if (kind === 'pdf') {
    checkPdfHeader(bytes, name);
    return extractPdf(bytes, name, options);
  }
  const doc: ExtractedDocument =
    kind === 'html' ? extractHtml(bytes, name, ext) : kind === 'markdown' ? extractMarkdown(bytes, name, ext) : extractPlainText(bytes, name, ext);
  checkHasText(doc.text, name);
  return doc;
};

/** Stop the PDF worker threads (app quit, CLI end, tests). Safe to call twice; later imports restart them. */
export async function shutdownExtractors(): Promise<void> {
  await shutdownPdfWorkers();
}

/** Messages name the file, not the path the caller happened to have. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}
