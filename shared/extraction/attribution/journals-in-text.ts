/**
 * Journals the running text names: "published in The Lancet", "appeared in the journal Nature",
 * "in the New England Journal of Medicine", "reported in JAMA" (and a year right after: "… in 2023").
 * A name is taken only when the bundled list knows it, or, after "published in" and the like, when it
 * is a capitalised name with a journal word ("EClinicalMedicine", "Journal of Rare Skin Diseases").
 */
import type { AttributionFact } from '../../model/index.js';
import { foldJournal, knownJournal, normaliseJournal } from '../../journals/index.js';
import { fact, MONTHS, span } from './common.js';

/** "published in", "appeared online in", "reported in the journal": any known name may follow. */
const STRONG_TRIGGER = /\b(?:[Pp]ublished|[Aa]ppeared|[Aa]ppearing|[Rr]eported|[Dd]escribed|[Ff]eatured|[Pp]rinted|[Rr]eleased)\s+(?:(?:online|today|recently|this\s+week|last\s+week)\s+)?in\s+(?:the\s+journal\s+|the\s+|journal\s+)?|\b(?:[Ii]n\s+)?(?:[Tt]he|[Aa])\s+journal\s+|\b[Ii]n\s+journal\s+/g;
/** A bare "in (the)": only a name with a journal word may follow ("in the New England Journal of Medicine"). */
const WEAK_TRIGGER = /\b[Ii]n\s+(?:the\s+)?(?=\p{Lu})/gu;

/** Words that make a capitalised name a journal's. */
const JOURNAL_WORD = /^(?:journal|lancet|annals|archives|proceedings|transactions|bulletin|bmj|jama|nejm|pnas|cmaj|plos|cochrane|acta|reports|reviews?|letters|research|sciences?|medicine|nature|frontiers|eclinicalmedicine|elife)$|(?:medicine|journal)$/i;
/** The weak trigger needs one of these (a bare "in Nature", "in Science" is too often prose). */
const STRONG_JOURNAL_WORD = /^(?:journal|lancet|annals|archives|proceedings|bmj|jama|nejm|pnas|cmaj|plos|cochrane)$/i;
const WEAK_HINT = /^(?:journal|lancet|annals|ann|archives|arch|proceedings|proc|bmj|jama|nejm|pnas|cmaj|plos|cochrane|j)\.?$/i;
const WEAK_HINT_AHEAD = /^[^.,;()\n]*?\b(?:Journal|JOURNAL|Lancet|LANCET|Annals|Ann|Archives|Arch|Proceedings|Proc|BMJ|JAMA|NEJM|PNAS|CMAJ|PLoS|PLOS|Cochrane|J)\b/;
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const NAME_CONNECTORS = new Set(['of', 'the', 'and', '&']);
const CONNECTORS = new Set(['of', 'the', 'and', '&', 'in', 'for', 'on', 'de', 'et', 'und', 'y']);
const TOKEN = /([\p{L}\p{N}&][\p{L}\p{N}'’&.-]*)/uy;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Up to 14 name-like tokens from `at`: capitalised words, connectors, abbreviations; stops at other punctuation. */
function nameTokens(text: string, at: number): Token[] {
  const tokens: Token[] = [];
  let pos = at;
  while (tokens.length < 14) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m?.[1]) break;
    let word = m[1];
    const abbreviation = /^\p{Lu}\p{L}{0,4}\.$/u.test(word) || /^(?:\p{L}\.){2,}$/u.test(word);
    if (word.endsWith('.') && !abbreviation) word = word.replace(/\.+$/, '');
    const capital = /^[\p{Lu}\p{N}]/u.test(word) || /^e[A-Z]/.test(word);
    if (!capital && !CONNECTORS.has(word.toLowerCase())) break;
    // "… in the New England Journal of Medicine Thursday": days and months end a name.
    if (tokens.length > 0 && CALENDAR.test(word)) break;
    if (tokens.length === 0 && !capital) break;
    tokens.push({ word, start: pos, end: pos + word.length });
    const after = text.charAt(pos + m[1].length);
    if (m[1].endsWith('.') && !abbreviation) break; // the sentence ends here
    if (after !== ' ') break; // ",", ";", "(", a line break …
    pos += m[1].length + 1;
  }
  // A name does not end with a connector ("Journal of" …).
  while (tokens.length > 0 && CONNECTORS.has(tokens.at(-1)!.word.toLowerCase())) tokens.pop();
  return tokens;
}

interface Found {
  value: string;
  start: number;
  end: number;
}

/** The longest known journal name among the token prefixes, else (if allowed) a journal-worded name. */
function journalAt(text: string, at: number, strong: boolean): Found | null {
  const tokens = nameTokens(text, at);
  if (tokens.length === 0) return null;
  // A bare "in" is followed by capitalised words all the time: look names up only when one of the
  // words is a journal's ("Journal", "Lancet", "JAMA", "J", "Ann" …).
  if (!strong && !tokens.some((t) => WEAK_HINT.test(t.word))) return null;
  const first = tokens[0]!.word;
  if (MONTHS[first.toLowerCase().replace(/\.$/, '')] !== undefined || /^\d/.test(first)) return null;
  for (let n = tokens.length; n >= 1; n--) {
    const last = tokens[n - 1]!;
    if (CONNECTORS.has(last.word.toLowerCase())) continue;
    const value = text.slice(at, last.end);
    const canonical = knownJournal(value);
    if (canonical === null) continue;
    // "Science" in "published in Science Advances": a listed name followed by more of a name is
    // another (unlisted) journal; only the journal-word rule below may take it.
    const next = tokens[n];
    // ("JAMA. Similar …" is a sentence break, not a longer name.)
    if (next && !CONNECTORS.has(next.word.toLowerCase()) && !last.word.endsWith('.')) break;
    // After a bare "in", a name the list holds must be a journal's by its words ("in Cancer", "in
    // Chest" are prose too often): "Journal", "Lancet", "JAMA" … written or in the canonical name.
    const words = [...tokens.slice(0, n).map((t) => t.word.replace(/\.$/, '')), ...foldJournal(canonical).split(' ')];
    if (!strong && !words.some((w) => STRONG_JOURNAL_WORD.test(w))) return null;
    // "The Lancet." at a sentence end: the dot is the sentence's.
    const trimmed = value.endsWith('.') && value.indexOf('.') === value.length - 1 ? value.slice(0, -1) : value;
    return { value: trimmed, start: at, end: at + trimmed.length };
  }
  if (!strong) return null;
  // Unknown names: capitalised words joined by "of", "the", "and", "&" only ("… in 2021" ends it).
  const cut = tokens.findIndex((t) => /^\p{N}/u.test(t.word) || (CONNECTORS.has(t.word.toLowerCase()) && !NAME_CONNECTORS.has(t.word.toLowerCase())));
  if (cut !== -1) tokens.length = cut;
  const dotted = tokens.findIndex((t) => t.word.endsWith('.'));
  if (dotted !== -1) tokens.length = dotted + 1; // a dot may end the sentence
  while (tokens.length > 0 && CONNECTORS.has(tokens.at(-1)!.word.toLowerCase())) tokens.pop();
  if (tokens.length === 0) return null;
  const words = tokens.map((t) => t.word.replace(/\.$/, ''));
  if (!words.some((w) => JOURNAL_WORD.test(w)) || tokens.length > 10) return null;
  // Unknown names must be capitalised throughout (connectors aside).
  if (!tokens.every((t) => /^[\p{Lu}\p{N}]|^e[A-Z]/u.test(t.word) || CONNECTORS.has(t.word.toLowerCase()))) return null;
  const last = tokens.at(-1)!;
  const value = text.slice(at, last.end).replace(/\.$/, '');
  return { value, start: at, end: at + value.length };
}

export function journalFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  const taken = new Set<number>();
  const record = (triggerStart: number, found: Found): void => {
    if (taken.has(found.start)) return;
    taken.add(found.start);
    const norm = normaliseJournal(found.value);
    facts.push(fact('journal', 'text', found.value, norm.key, span(text, triggerStart, found.end)));
    // "published in The Lancet in 2023" / "… (2023)" / "…, 2023": the publication year.
    const year = /^(?:\s+in\s+|,\s*|\s*\()((?:19|20)\d{2})(?!\d)\)?/.exec(text.slice(found.end, found.end + 12));
    if (year?.[1]) {
      const end = found.end + year[0].length - (year[0].endsWith(')') ? 1 : 0);
      facts.push(fact('year', 'text', year[1], year[1], span(text, triggerStart, end)));
    }
  };
  for (const m of text.matchAll(STRONG_TRIGGER)) {
    const found = journalAt(text, m.index + m[0].length, true);
    if (found) record(m.index, found);
  }
  for (const m of text.matchAll(WEAK_TRIGGER)) {
    const at = m.index + m[0].length;
    if (!WEAK_HINT_AHEAD.test(text.slice(at, at + 90))) continue;
    const found = journalAt(text, at, false);
    if (found) record(m.index, found);
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}
