/**
 * The PDF's bytes, fetched as soon as the reader knows it shows a PDF (before pdf.js has even
 * loaded), and handed to the viewer once. Only the latest article's bytes are kept.
 */
import { fileUrl } from '../../api';

let pending: { articleId: string; bytes: Promise<Uint8Array> } | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The PDF file could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function prefetchPdf(articleId: string) {
  if (pending?.articleId === articleId) return;
  const bytes = fetchBytes(fileUrl(articleId));
  bytes.catch(() => {}); // reported when taken; never an unhandled rejection meanwhile
  pending = { articleId, bytes };
}

/** The prefetched bytes (once), or a fresh fetch. */
export function takePdf(articleId: string): Promise<Uint8Array> {
  if (pending?.articleId === articleId) {
    const { bytes } = pending;
    pending = null;
    return bytes;
  }
  return fetchBytes(fileUrl(articleId));
}
