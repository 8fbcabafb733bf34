/**
 * Lead authors the running text names: "Werth and colleagues", "by Victoria P. Werth and colleagues",
 * "Werth et al.", "led by Dr. Jane Roe", "first author Jane Roe", "lead author Jane Roe".
 */
import type { AttributionFact } from '../../model/index.js';
import { fact, foldSurname, MONTHS, PARTICLES, span } from './common.js';

/** A name word: "Victoria", "P.", "Charles-Schoeman", "O'Brien" (only initials carry a dot). */
const WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*)`;
const PARTICLE = String.raw`(?:van|von|de|der|den|da|di|du|del|della|la|le|dos|das|ter|ten)`;
/** Up to three given names / initials, particles, then the surname. */
const NAME = String.raw`(?:${WORD}\s+){0,3}(?:${PARTICLE}\s+){0,2}\p{Lu}[\p{L}'’-]*\p{L}`;
const TITLE = String.raw`(?:(?:Dr|Prof|Professor|Doctor)\.?\s+)`;

/** Cheap anchors first; the name is then read from a short window before them (keeps the scan linear). */
const COLLEAGUES = /\s+(?:and|&)\s+(?:colleagues|co-?workers|co-?authors|co-?investigators|(?:his|her|their)\s+(?:colleagues|team|co-?authors))\b/g;
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}.])(?:by\s+)?${TITLE}?(${NAME})$`, 'u');
const ET_AL = /\s+et\.?\s+al\b\.?/g;
const SURNAME_BEFORE = /(?<![\p{L}.])(\p{Lu}[\p{L}'’-]*\p{L})$/u;
const LED_BY = new RegExp(String.raw`\b(?:[Ll]ed\s+by|[Ff]irst[- ]author(?:ed\s+by)?|[Ll]ead\s+(?:author|investigator|researcher)|[Pp]rincipal\s+investigator)\s*,?\s+${TITLE}?(${NAME})`, 'gu');

/** Capitalised words that start sentences or name groups, never a lead author. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'by', 'and', 'as', 'at', 'for', 'from', 'of', 'on', 'to', 'with', 'when', 'while', 'but',
  'according', 'recently', 'now', 'also', 'this', 'that', 'these', 'those', 'their', 'his', 'her', 'its', 'our',
  'study', 'researchers', 'investigators', 'authors', 'scientists', 'doctors', 'team', 'trial', 'dr', 'prof',
  'professor', 'doctor', 'said', 'says', 'wrote', 'today', 'yesterday', 'however', 'meanwhile',
]);

const INSTITUTION = /^(?:University|School|Institute|Hospital|Center|Centre|College|Department|Foundation|Clinic|Group|Inc|Ltd|Pharma|Pharmaceuticals|Company|Consortium|Network|Society|Association|Council|Agency|Ministry|Trust|Board|Committee)$/;

/** The name's words without leading non-name words ("Recently Werth" -> "Werth"); null if none is left. */
function cleanName(written: string): { name: string; offset: number } | null {
  const words = written.split(/\s+/);
  let offset = 0;
  while (words.length > 1 && NOT_NAMES.has(words[0]!.replace(/\.$/, '').toLowerCase())) {
    offset += words[0]!.length;
    words.shift();
    offset += /^\s*/.exec(written.slice(offset))![0].length;
  }
  // "led by Harvard Medical School": institutions are no authors.
  if (words.some((w) => INSTITUTION.test(w))) return null;
  const surname = surnameOf(words);
  if (!surname) return null;
  const lower = surname.toLowerCase();
  if (NOT_NAMES.has(lower) || MONTHS[lower] !== undefined) return null;
  // "ProDERM and colleagues", "IVIG et al.": acronyms are no surnames.
  if ((surname.match(/\p{Lu}/gu) ?? []).length >= 2 && !/^(?:Mc|Mac|O'|O’|D'|D’)/.test(surname) && !surname.includes('-')) return null;
  return { name: words.join(' '), offset };
}

/** The surname: the last word, with its particles ("Jan van der Berg" -> "van der Berg"). */
function surnameOf(words: string[]): string | null {
  const last = words.at(-1);
  if (!last || last.endsWith('.')) return null;
  let i = words.length - 1;
  while (i > 0 && PARTICLES.has(words[i - 1]!)) i--;
  return words.slice(i).join(' ');
}

export function authorFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  const seen = new Set<number>();
  const add = (quoteStart: number, quoteEnd: number, nameStart: number, written: string): void => {
    const clean = cleanName(written);
    if (!clean) return;
    const at = nameStart + clean.offset;
    if (seen.has(at)) return;
    seen.add(at);
    const surname = surnameOf(clean.name.split(/\s+/))!;
    const start = quoteStart === nameStart ? at : quoteStart;
    facts.push(fact('lead-author', 'text', clean.name, foldSurname(surname), span(text, start, quoteEnd)));
  };
  for (const anchor of text.matchAll(COLLEAGUES)) {
    const from = Math.max(0, anchor.index - 90);
    const m = NAME_BEFORE.exec(text.slice(from, anchor.index));
    if (!m) continue;
    const start = from + m.index;
    const name = m[1]!;
    const nameStart = start + m[0].lastIndexOf(name);
    // "by Victoria P. Werth and colleagues" quotes the "by"; a name that needed cleaning starts the quote.
    add(m[0].startsWith('by') ? start : nameStart, anchor.index + anchor[0].length, nameStart, name);
  }
  for (const anchor of text.matchAll(ET_AL)) {
    const from = Math.max(0, anchor.index - 40);
    const m = SURNAME_BEFORE.exec(text.slice(from, anchor.index));
    if (m) add(from + m.index, anchor.index + anchor[0].length, from + m.index, m[1]!);
  }
  for (const m of text.matchAll(LED_BY)) {
    const name = m[1]!;
    add(m.index, m.index + m[0].length, m.index + m[0].lastIndexOf(name), name);
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}
