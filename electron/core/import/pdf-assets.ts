/**
 * Where pdfjs-dist's data files are on disk. pdf.js needs the CMaps to map the character codes of
 * CJK and other non-Latin fonts to Unicode, and the standard font data for the 14 base fonts; in
 * Node it reads them with fs from these directories (paths, with a trailing separator).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

export interface PdfAssetDirs {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}

export function pdfAssetDirs(): PdfAssetDirs {
  // Resolved from this module, so it works from sources, from dist/core, and from app.asar.unpacked.
  const pkgDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(pkgDir, 'cmaps') + sep,
    standardFontDataUrl: join(pkgDir, 'standard_fonts') + sep,
    wasmUrl: join(pkgDir, 'wasm') + sep,
  };
}
