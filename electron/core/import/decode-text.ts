/**
 * Bytes of a text-like file (txt, md, html) to a string. Real files come in UTF-8 (with or without
 * BOM), UTF-16 from Windows tools, and legacy windows-1252; refusing them would only send the user
 * to a converter, so decode what can be decoded and refuse only what is clearly binary.
 */
import { EvidentiaError } from '../../../shared/result.js';
import { checkNotPdf } from './guards.js';
import { decodeWindows1252 } from './windows-1252.js';

/** Where binary content shows itself: NUL bytes in the first 64 KB. */
const SNIFF_BYTES = 64 * 1024;

export function decodeText(bytes: Uint8Array, fileName: string): string {
  // Before the binary check: a PDF under a text-like name deserves "rename it", not "binary data".
  checkNotPdf(bytes, fileName);
  return normaliseNewlines(decodeBytes(bytes, fileName));
}

function decodeBytes(bytes: Uint8Array, fileName: string): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));

  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    const utf16 = utf16WithoutBom(head);
    if (utf16) return new TextDecoder(utf16).decode(bytes);
    throw new EvidentiaError('corrupt-file', `${fileName} is not a text file: it contains binary data (NUL bytes).`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: almost always a legacy Western file. windows-1252 maps every byte, so this cannot fail.
    return decodeWindows1252(bytes);
  }
}

/** UTF-16 without a BOM: NULs in (nearly) every other byte and nowhere else, as ASCII text gives. */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

/** \r\n and lone \r become \n; a BOM that survived decoding (e.g. inside UTF-16) is dropped. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
