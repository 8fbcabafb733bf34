/**
 * Messages between the PDF pool (main thread) and pdf-worker.ts. Plain data only: they cross a
 * worker_threads boundary by structured clone.
 */
import type { SizedLine } from '../../../shared/extraction/pdf-title.js';

export interface PdfJob {
  id: number;
  data: Uint8Array;
  password?: string;
}

/** What the PDF itself says about itself (info dict and XMP); strings as found, possibly junk. */
export interface PdfDocInfo {
  title: string | null;
  author: string | null;
  creationDate: string | null;
  xmpTitle: string | null;
  xmpCreators: string[];
  xmpDate: string | null;
  xmpDoi: string | null;
  xmpJournal: string | null;
}

export interface PdfText {
  /** One string per page, from joinPageItems(getTextContent().items). */
  pages: string[];
  /** Page 1 as lines with their font size, to find a title when metadata has none. */
  firstPageLines: SizedLine[];
  /** Pages whose content could not be read (their text is ''). */
  failedPages: number[];
  info: PdfDocInfo;
  pdfjsVersion: string;
}

export type PdfFailure =
  /** pdf.js PasswordException: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD. */
  | { kind: 'password'; code: number; message: string }
  /** pdf.js InvalidPDFException and friends: the file's structure is broken. */
  | { kind: 'invalid'; name: string; message: string }
  /** Anything else pdf.js threw. */
  | { kind: 'failed'; name: string; message: string };

export type PdfReply = { id: number; ok: true; value: PdfText } | { id: number; ok: false; failure: PdfFailure };
