/** Author lists as metadata and bylines write them. */

/** Names authoring tools put in the Author field when nobody typed one. */
const JUNK_AUTHOR = /^(admin(istrator)?|user|owner|author|unknown|anonymous|microsoft office user|default|root|staff|editor|guest|\W*)$/i;

/**
 * "Kyle Lo ; Lucy Lu Wang", "Jane Doe and John Roe", "Jane Doe, John Roe & Ann Poe" -> names.
 * "Doe, Jane" (family, given) stays one name: commas split only when every piece has two words or more.
 */
export function splitAuthors(value: string | null | undefined): string[] {
  if (!value) return [];
  const parts = value
    .replace(/\s+/g, ' ')
    .split(/\s*;\s*|\s+and\s+|\s*&\s*|\s*\|\s*/i)
    .flatMap((part) => {
      const pieces = part.split(/\s*,\s*/).filter((p) => p !== '');
      const allNames = pieces.length > 1 && pieces.every((p) => p.split(' ').length >= 2 || /^et al\.?$/i.test(p));
      return allNames ? pieces : [part];
    })
    .map((name) => name.replace(/^(by|authors?:?)\s+/i, '').replace(/[\d*†‡§¶,]+$/u, '').trim())
    .filter((name) => name !== '' && !/^et al\.?$/i.test(name) && !JUNK_AUTHOR.test(name));
  return [...new Set(parts)];
}

/** A name: 2–5 words, each starting with a capital letter (initials allowed), no digits. */
function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^(\p{Lu}[\p{L}'’-]*\.?|de|van|von|der|da|di|la|le|du|dos|del|bin|al-?\p{L}*)$/u.test(w));
}

/**
 * Authors from a byline: "By Jane Doe and John Roe", "Authors: Jane Doe, John Roe".
 * Null when the line is not a byline or its names do not look like names ("By the end of 2020 …").
 */
export function authorsFromByline(line: string): string[] | null {
  const m = /^\s*(?:by|authors?\s*:|written by)\s+(.+?)\s*$/i.exec(line);
  if (!m?.[1] || m[1].length > 300) return null;
  const names = splitAuthors(m[1]);
  if (names.length === 0 || !names.every(looksLikeName)) return null;
  return names;
}
