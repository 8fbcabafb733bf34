/** File names of exports, and the slugs used in them and in JSON-LD identifiers. */
import { slugify } from '../../../shared/text/slug.js';

/** A file-name- and URN-safe form of a name, e.g. "ProDERM review" → "proderm-review". */
export function slug(name: string, fallback = 'evidentia'): string {
  return slugify(name, { max: 60, fallback });
}

/** "<review>-<what>-<yyyy-mm-dd>", e.g. "proderm-review-extraction-2025-03-01". */
export function exportBaseName(reviewName: string, now: Date, what = 'extraction'): string {
  return `${slug(reviewName)}-${what}-${now.toISOString().slice(0, 10)}`;
}
