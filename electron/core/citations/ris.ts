/**
 * RIS. citation-js maps the tags to CSL-JSON; records are cut apart here first (TY … ER) so that a
 * broken record is reported by number while the others import. A few fixes are applied on the way:
 * - exporters that write "TY - JOUR" (one space) are normalised to the spec's two spaces;
 * - TT/TA (translated title/author) are dropped: citation-js lets them overwrite TI/AU, and the
 *   model keeps the original-language title and authors;
 * - KW lines are read here, one keyword per line, because CSL joins them with commas and MeSH-like
 *   keywords contain commas;
 * - a DO line citation-js rejects as malformed is still kept when it looks like a DOI;
 * - a TY citation-js does not know (it then drops the whole record) is read as GEN;
 * - AU/A1 are the authors and TI/T1 the title for every reference type (RIS specification), but
 *   citation-js's per-type tables move them elsewhere for some types (BOOK: AU becomes the
 *   reviewed author; NEWS: a "reporter"; WEB records lose every field), so those lines are read
 *   here and win.
 */
import { citationJs, cslToRecord, isBlank, type CslItem } from './csl.js';
import { cleanDoi, collapse } from './text.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

interface Block {
  lines: string[];
  /** 1-based line of the block's first line, for messages. */
  line: number;
  hasType: boolean;
}

const TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
const DROPPED = new Set(['TT', 'TA']);

function tagOf(line: string): string | null {
  return TAG.exec(line)?.[1] ?? null;
}

/** Splits the file into TY … ER blocks; tag lines outside any block form a block without TY. */
export function splitRis(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, index) => {
    const tag = tagOf(line.trimStart());
    if (tag === 'TY') {
      current = { lines: [line.trimStart()], line: index + 1, hasType: true };
      blocks.push(current);
    } else if (tag === 'ER') {
      current?.lines.push('ER  - ');
      current = null;
    } else if (current) {
      current.lines.push(line);
    } else if (tag !== null) {
      current = { lines: [line.trimStart()], line: index + 1, hasType: false };
      blocks.push(current);
    } // any other text between records (export banners, blank lines) is not part of a record
  });
  return blocks;
}

/** Tags whose values are read here, continuation lines included. */
const READ_HERE = new Set(['AU', 'A1', 'TI', 'T1', 'KW', 'DO']);

/** The block as citation-js should see it, and the values of the tags read here. */
function prepare(block: Block): { text: string; values: Map<string, string[]> } {
  const out: string[] = [];
  const values = new Map<string, string[]>();
  let currentTag: string | null = null;
  for (const raw of block.lines) {
    const match = TAG.exec(raw.trimStart());
    const line = raw.trim();
    if (match) {
      currentTag = match[1]!;
      if (READ_HERE.has(currentTag)) values.set(currentTag, [...(values.get(currentTag) ?? []), (match[2] ?? '').trim()]);
      if (!DROPPED.has(currentTag)) out.push(`${currentTag}  - ${(match[2] ?? '').trim()}`);
      continue;
    }
    const list = currentTag === null ? undefined : values.get(currentTag);
    // A continuation line: a keyword of its own under KW (as Zotero reads them), else part of the field.
    if (list && line) {
      if (currentTag === 'KW') list.push(line);
      else list[list.length - 1] = `${list[list.length - 1]} ${line}`;
    }
    if (currentTag === null || !DROPPED.has(currentTag)) out.push(raw);
  }
  if (!out.some((line) => line.startsWith('ER  -'))) out.push('ER  - ');
  return { text: `${out.join('\n')}\n`, values };
}

/** RIS names are "Family, Given, Suffix"; a name without a comma (an organisation) is kept whole. */
function risName(value: string): string {
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  return parts.join(', ');
}

function parseBlock(text: string): CslItem | undefined {
  const [item] = citationJs(text);
  if (item && typeof item.type === 'string') return item;
  // Unknown reference type: citation-js returns an empty item. Read the fields as a generic record.
  return citationJs(text.replace(/^TY {2}- .*$/m, 'TY  - GEN'))[0];
}

export function readRis(text: string): ReadResult {
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  splitRis(text).forEach((block, index) => {
    const record = index + 1;
    const where = `The record starting on line ${block.line}`;
    if (!block.hasType) {
      errors.push({ record, reason: `${where} has no "TY  - " line, so it is not a complete RIS record.` });
      return;
    }
    try {
      const { text: prepared, values } = prepare(block);
      const item = parseBlock(prepared) ?? {};
      const parsed = cslToRecord(item, record, { keywords: values.get('KW') ?? [] });
      const authors = [...(values.get('AU') ?? []), ...(values.get('A1') ?? [])].map(risName).filter(Boolean);
      if (authors.length) parsed.meta.authors = authors;
      parsed.meta.title ||= collapse([...(values.get('TI') ?? []), ...(values.get('T1') ?? [])][0] ?? '');
      parsed.meta.doi ??= cleanDoi(values.get('DO')?.[0]);
      if (isBlank(parsed)) errors.push({ record, reason: `${where} has no title, authors or identifiers.` });
      else records.push(parsed);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      errors.push({ record, reason: `${where} could not be read: ${message}.` });
    }
  });
  return { records, errors };
}
