/** File names for saved plots. */
import { slugify } from '../../../shared/text/slug';

/** "CDASI-A change · week 16" → "cdasi-a-change-week-16": a file name safe on every file system. */
export function fileSlug(text: string, fallback = 'export'): string {
  return slugify(text, { max: 80, fallback });
}
