/**
 * BibTeX / BibLaTeX. citation-js does the parsing (@string macros, # concatenation, crossref
 * inheritance, LaTeX accents and commands). It stops at the first syntax error, though, and one
 * broken entry must not cost the user the rest of the file, so entries are first cut apart here —
 * only as far as needed to hand each one to citation-js together with the file's @string and
 * @preamble blocks and the entries it crossrefs.
 */
import { citationJs, cslToRecord, isBlank, type CslItem } from './csl.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

interface Chunk {
  /** Lower-case block type: 'string', 'preamble', 'comment', or an entry type such as 'article'. */
  type: string;
  key: string | null;
  text: string;
  /** 1-based line the block starts on, for messages. */
  line: number;
  /** False when the file ran out (or the next entry began) before the block's closing delimiter. */
  closed: boolean;
}

const MACRO_TYPES = new Set(['string', 'preamble']);
/** A new entry at the start of a line: where an unclosed entry is taken to end. */
const ENTRY_AT_LINE_START = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/;

/** Skips whitespace and %-comment lines (BibTeX allows both between "@", the type and the brace). */
function skipGap(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text[i] === '%') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

/** Where the block whose opening delimiter is at `open` ends (exclusive), and whether it closed. */
function scanBody(text: string, open: number, recover: boolean): { end: number; closed: boolean } {
  const paren = text[open] === '(';
  let depth = paren ? 0 : 1;
  let inQuote = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (!paren && depth === 0) return { end: i + 1, closed: true };
    } else if (paren && depth === 0 && c === '"') inQuote = !inQuote;
    else if (paren && depth === 0 && !inQuote && c === ')') return { end: i + 1, closed: true };
    else if (c === '\n' && recover && ENTRY_AT_LINE_START.test(text.slice(i + 1, i + 200))) return { end: i + 1, closed: false };
  }
  return { end: text.length, closed: false };
}

/** Cuts a BibTeX file into its @blocks; text outside blocks is a comment, as in BibTeX itself. */
export function splitBibtex(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while ((i = text.indexOf('@', i)) !== -1) {
    const start = i;
    const typeAt = skipGap(text, i + 1);
    const type = /^[A-Za-z][\w-]*/.exec(text.slice(typeAt, typeAt + 40))?.[0];
    const open = type ? skipGap(text, typeAt + type.length) : -1;
    if (!type || (text[open] !== '{' && text[open] !== '(')) {
      i = start + 1; // an "@" in comment text (an e-mail address …)
      continue;
    }
    const lower = type.toLowerCase();
    const { end, closed } = scanBody(text, open, lower !== 'comment');
    const isEntry = !MACRO_TYPES.has(lower) && lower !== 'comment';
    const body = text.slice(open + 1, end);
    const line = text.slice(0, start).split('\n').length;
    let key = isEntry ? (/^\s*([^,\s{}()="#%]+)\s*,/.exec(body)?.[1] ?? null) : null;
    let chunkText = text.slice(start, end);
    if (isEntry && key === null && /^\s*,/.test(body)) {
      // JabRef and others write entries without a citation key ("@article{,"), which citation-js
      // refuses: give such an entry a key of its own so it reads like any other.
      key = `entry-at-line-${line}`;
      chunkText = text.slice(start, open + 1) + key + text.slice(open + 1, end);
    }
    chunks.push({ type: lower, key, text: chunkText, line, closed });
    i = end;
  }
  return chunks;
}

const CROSSREF = /\bcrossref\s*=\s*[{"]\s*([^}"]+?)\s*[}"]/i;

/** The entries `entry` inherits from (crossref, transitively; self- and cyclic references end the walk). */
function crossrefChain(entry: Chunk, byKey: Map<string, Chunk>): Chunk[] {
  const chain: Chunk[] = [];
  const seen = new Set([entry]);
  let current = entry;
  for (;;) {
    const parentKey = CROSSREF.exec(current.text)?.[1]?.toLowerCase();
    const parent = parentKey === undefined ? undefined : byKey.get(parentKey);
    if (!parent || seen.has(parent)) return chain;
    seen.add(parent);
    chain.unshift(parent);
    current = parent;
  }
}

function describe(entry: Chunk): string {
  return `The entry @${entry.type}{${entry.key ?? ''}} on line ${entry.line}`;
}

/** citation-js messages carry positions in the text it was given (not the user's file): drop them. */
function syntaxReason(error: unknown): string {
  // citation-js's grammar recurses per brace level: thousands of nested braces overflow its stack.
  if (error instanceof RangeError) return 'its braces are nested too deeply';
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return first.replace(/\s+at line \d+ col \d+:?\s*$/, '').trim() || 'syntax error';
}

const sameKey = (item: CslItem | undefined, key: string): boolean => String(item?.id ?? item?.['citation-key'] ?? '').toLowerCase() === key.toLowerCase();

/** The item for `key` among an entry's parse (which also holds its crossref parents). */
function pick(items: CslItem[], key: string | null): CslItem | undefined {
  return (key === null ? undefined : items.find((item) => sameKey(item, key))) ?? items[items.length - 1];
}

export function readBibtex(text: string): ReadResult {
  const chunks = splitBibtex(text);
  const entries = chunks.filter((chunk) => chunk.type !== 'comment' && !MACRO_TYPES.has(chunk.type));
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  const keep = (item: CslItem | undefined, record: number, entry: Chunk) => {
    const parsed = item ? cslToRecord(item, record) : null;
    if (parsed && !isBlank(parsed)) records.push(parsed);
    else errors.push({ record, reason: `${describe(entry)} has no title, authors or identifiers.` });
  };

  // Fast path: a well-formed file is parsed once, which matters for libraries of thousands of entries.
  const whole = tryParse(text);
  if (whole && whole.length === entries.length && entries.every((entry, n) => entry.key === null || sameKey(whole[n], entry.key))) {
    entries.forEach((entry, n) => keep(whole[n], n + 1, entry));
    return { records, errors };
  }

  const header = chunks.filter((chunk) => MACRO_TYPES.has(chunk.type) && chunk.closed).map((chunk) => chunk.text);
  const byKey = new Map<string, Chunk>();
  for (const entry of entries) if (entry.key !== null && !byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry);
  entries.forEach((entry, n) => {
    const record = n + 1;
    try {
      const parents = crossrefChain(entry, byKey).map((parent) => parent.text);
      keep(pick(citationJs([...header, ...parents, entry.text].join('\n')), entry.key), record, entry);
    } catch (error) {
      const reason = entry.closed ? `could not be read: ${syntaxReason(error)}` : 'is not closed: a closing brace is missing';
      errors.push({ record, reason: `${describe(entry)} ${reason}.` });
    }
  });
  return { records, errors };
}

function tryParse(text: string): CslItem[] | null {
  try {
    return citationJs(text);
  } catch {
    return null;
  }
}
