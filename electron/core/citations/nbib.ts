/**
 * PubMed MEDLINE / .nbib ("PMID- 123" tagged text). There is no maintained npm parser for this
 * format (citation-js has none; the packages that exist are unmaintained one-offs), and the
 * format is simple: a 4-character tag, "- ", the value, and continuation lines indented by six
 * spaces; records are separated by blank lines and start with PMID. So it is read here.
 */
import type { CslItem } from './csl.js';
import { cslToRecord, isBlank } from './csl.js';
import { collapse } from './text.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

type Fields = Map<string, string[]>;

const LINE = /^([A-Z][A-Z0-9 ]{1,3})- ?(.*)$/;

/** Splits into records of tag → values; a record starts at each PMID line (or after blank lines). */
export function splitMedline(text: string): { fields: Fields; line: number; stray: string[] }[] {
  const records: { fields: Fields; line: number; stray: string[] }[] = [];
  let current: { fields: Fields; line: number; stray: string[] } | null = null;
  let last: string[] | null = null;
  let lastIndex = 0;
  text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      last = null;
      return;
    }
    const match = LINE.exec(line);
    if (match && !line.startsWith(' ')) {
      const tag = match[1]!.trim();
      if (tag === 'PMID' || !current) {
        current = { fields: new Map(), line: index + 1, stray: [] };
        records.push(current);
      }
      const values = current.fields.get(tag) ?? [];
      values.push(match[2]!);
      current.fields.set(tag, values);
      last = values;
      lastIndex = values.length - 1;
    } else if (current && last) {
      last[lastIndex] = `${last[lastIndex]} ${line.trim()}`; // continuation line
    } else if (current) {
      current.stray.push(line);
    }
  });
  return records;
}

const first = (fields: Fields, tag: string): string | undefined => {
  const value = fields.get(tag)?.[0];
  return value === undefined ? undefined : collapse(value);
};
const all = (fields: Fields, tag: string): string[] => (fields.get(tag) ?? []).map(collapse);

/** "Long V" (AU) → { family: Long, given: V }; "Long, Vicky" (FAU) → as written. */
function medlineName(value: string, full: boolean): Record<string, string> {
  if (full) {
    const [family, ...given] = value.split(',');
    return given.length ? { family: family!.trim(), given: given.join(',').trim() } : { literal: value };
  }
  const match = /^(.*\S)\s+([A-Z]{1,4})$/.exec(value);
  return match ? { family: match[1]!, given: match[2]! } : { literal: value };
}

function names(fields: Fields, fullTag: string, shortTag: string): Record<string, string>[] {
  const full = all(fields, fullTag);
  return full.length ? full.map((n) => medlineName(n, true)) : all(fields, shortTag).map((n) => medlineName(n, false));
}

/** "10.1016/j.x [doi]" among LID/AID values. */
function idOfType(fields: Fields, type: string): string | undefined {
  for (const value of [...all(fields, 'LID'), ...all(fields, 'AID')]) {
    const match = /^(.*\S)\s*\[(\w+)\]$/.exec(value);
    if (match && match[2]!.toLowerCase() === type) return match[1];
  }
  return undefined;
}

function medlineType(fields: Fields): string {
  const types = all(fields, 'PT').map((t) => t.toLowerCase());
  if (types.includes('book chapter') || (fields.has('BTI') && fields.has('TI'))) return 'chapter';
  if (types.includes('book') || fields.has('BTI')) return 'book';
  return 'article-journal';
}

/** MeSH headings without the "*" major-topic marks, plus author keywords (OT). */
function keywords(fields: Fields): string[] {
  return [...all(fields, 'MH'), ...all(fields, 'OT')].map((k) => k.replace(/\*/g, ''));
}

export function medlineToCsl(fields: Fields): CslItem {
  const type = medlineType(fields);
  const title = first(fields, 'TI') ?? first(fields, 'BTI');
  const container = type === 'chapter' ? first(fields, 'BTI') : type === 'book' ? undefined : (first(fields, 'JT') ?? first(fields, 'TA'));
  const collective = all(fields, 'CN').map((literal) => ({ literal }));
  return {
    type,
    title,
    author: [...names(fields, 'FAU', 'AU'), ...collective],
    editor: names(fields, 'FED', 'ED'),
    'container-title': container,
    'container-title-short': first(fields, 'TA'),
    issued: { raw: first(fields, 'DP') },
    volume: first(fields, 'VI'),
    issue: first(fields, 'IP'),
    page: first(fields, 'PG'),
    DOI: idOfType(fields, 'doi'),
    PMID: first(fields, 'PMID'),
    abstract: first(fields, 'AB'),
  };
}

export function readMedline(text: string): ReadResult {
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  splitMedline(text).forEach(({ fields, line, stray }, index) => {
    const record = index + 1;
    const parsed = cslToRecord(medlineToCsl(fields), record, { keywords: keywords(fields) });
    if (isBlank(parsed)) {
      const why = stray.length ? `has lines that are not MEDLINE tags (e.g. "${stray[0]!.trim().slice(0, 40)}")` : 'has no title, authors or identifiers';
      errors.push({ record, reason: `The record starting on line ${line} ${why}.` });
    } else records.push(parsed);
  });
  return { records, errors };
}
