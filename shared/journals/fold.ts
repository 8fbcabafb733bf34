/** The comparable form of a journal name. Keep in step with fold() in build/journals.mjs. */

import { withoutAccents } from '../text/accents.js';

/** Lowercase, no accents, "&" = "and", no punctuation, single spaces, no leading "the". */
export function foldJournal(name: string): string {
  return withoutAccents(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The title before a subtitle or publisher (" : ", " / ", " = "), as build/journals.mjs cuts Entrez titles. */
export function mainTitle(name: string): string {
  const cut = name.search(/ [:/=] /);
  return cut > 0 ? name.slice(0, cut).trim() : name;
}

/** Without a trailing qualifier: "Lancet (London, England)" -> "Lancet". */
export function withoutQualifier(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '').trim();
}
