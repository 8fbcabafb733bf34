/**
 * Names made safe to be ids, keys and file names: accents dropped ("Études" → "etudes"), anything
 * but a–z and 0–9 becomes one separator, no separator at either end.
 */
export function slugify(text: string, options: { separator?: '-' | '_'; max?: number; fallback: string }): string {
  const sep = options.separator ?? '-';
  const trim = new RegExp(`^\\${sep}+|\\${sep}+$`, 'g');
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(trim, '')
    .slice(0, options.max ?? 80)
    .replace(trim, '');
  return slug || options.fallback;
}
