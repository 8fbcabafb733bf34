/** "CDASI-A change · week 16" → "cdasi-a-change-week-16": a file name safe on every file system. */
export function fileSlug(text: string, fallback = 'export'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}
