/** Plain-text import: the text as written (newlines normalised), metadata guessed from its first lines. */
import { guessFromText, mergeMeta } from '../../../shared/extraction/metadata.js';
import { decodeText } from './decode-text.js';
import type { ExtractedDocument } from './types.js';

export function extractPlainText(bytes: Uint8Array, fileName: string, ext: string): ExtractedDocument {
  const text = decodeText(bytes, fileName);
  return {
    kind: 'text',
    ext,
    text,
    pages: [],
    meta: mergeMeta(fileName, guessFromText(text)),
    extraction: { engine: 'text', version: '1' },
    noTextLayer: false,
  };
}
