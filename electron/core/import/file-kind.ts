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

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION);

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
  return kindOf(fileName) !== null;
}
