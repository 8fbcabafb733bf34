/** Which extractor reads a file, decided by its extension (case-insensitive). */
import type { ArticleKind } from '../../../shared/model/index.js';

const KIND_BY_EXTENSION: Readonly<Record<string, ArticleKind>> = {
  pdf: 'pdf',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/**
 * Citation files (and Evidentia's own JSON export) hold many records; the importer reads them by
 * content (electron/core/citations), so they have no document kind here.
 */
export const RECORD_FILE_EXTENSIONS: readonly string[] = ['ris', 'bib', 'bibtex', 'nbib', 'medline', 'xml', 'json'];

export const SUPPORTED_EXTENSIONS: readonly string[] = [...Object.keys(KIND_BY_EXTENSION), ...RECORD_FILE_EXTENSIONS];

/** Lower-case extension without the dot ('' when the name has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function kindOf(fileName: string): ArticleKind | null {
  return KIND_BY_EXTENSION[extensionOf(fileName)] ?? null;
}

/** For folder walks: should this file be offered to the importer at all? */
export function isSupportedFile(fileName: string): boolean {
  return kindOf(fileName) !== null || RECORD_FILE_EXTENSIONS.includes(extensionOf(fileName));
}

/** Files worth decoding and sniffing for citation records before document extraction. */
export function mayHoldRecords(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return ext === 'txt' || RECORD_FILE_EXTENSIONS.includes(ext);
}
