/**
 * How closely Evidentia's citation readers agree with the peer projects' own expected parses
 * (citation-js, Zotero translators, Better BibTeX, JabRef) on the shared corpus. Per expected
 * record (matched by position) it compares the fields the expectation has among: title, first
 * author's family name, year, DOI and journal (container title). Values are compared
 * case-insensitively after Unicode NFC, whitespace collapse and removal of rich-text markup
 * (<i>, <b>, <sub> … which Zotero and CSL keep inside titles and the model does not).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectCitationFormat, parseCitations, type CitationRecord } from '../../electron/core/citations/index.js';

export type Field = 'title' | 'firstAuthor' | 'year' | 'doi' | 'journal';
export type Expected = Partial<Record<Field, string>>;

export interface Disagreement {
  record: number;
  field: Field;
  expected: string;
  actual: string;
}

export interface FileReport {
  file: string;
  expectedFile: string;
  expectedRecords: number;
  parsedRecords: number;
  compared: number;
  agreed: number;
  disagreements: Disagreement[];
}

export interface Report {
  files: FileReport[];
  compared: number;
  agreed: number;
  /** agreed / compared */
  agreement: number;
}

type Json = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined);

/** A 4-digit year in 1000–3000 ("0000 Year Date" is Zotero's "no year"). */
function year(value: unknown): string | undefined {
  const match = /\b(\d{4})\b/.exec(str(value) ?? '');
  const n = Number(match?.[1]);
  return n >= 1000 && n <= 3000 ? String(n) : undefined;
}

function fromCsl(item: Json): Expected {
  const author = (Array.isArray(item.author) ? item.author[0] : undefined) as Json | undefined;
  const family = author ? (str(author.literal) ?? ([str(author['non-dropping-particle']), str(author.family)].filter(Boolean).join(' ') || undefined)) : undefined;
  const parts = (item.issued as Json | undefined)?.['date-parts'];
  return {
    title: str(item.title),
    firstAuthor: family,
    year: Array.isArray(parts) && Array.isArray(parts[0]) ? year(String(parts[0][0])) : undefined,
    doi: str(item.DOI),
    journal: str(item['container-title']),
  };
}

/** Zotero item JSON (also Better BibTeX's items): the first creator whose role is author. */
function fromZotero(item: Json): Expected {
  const creators = Array.isArray(item.creators) ? (item.creators as Json[]) : [];
  const author = creators.find((c) => c.creatorType === 'author');
  return {
    title: str(item.title),
    firstAuthor: author ? str(author.lastName) : undefined,
    year: year(item.date),
    doi: str(item.DOI),
    journal: str(item.publicationTitle),
  };
}

/** JabRef's expected .bib: flat `field = {value}` pairs (its entries may lack a key, which real BibTeX parsers reject). */
function fromJabrefBib(text: string): Expected[] {
  return text
    .split(/^@/m)
    .filter((entry) => entry.trim())
    .map((entry) => {
      const field = (name: string) => new RegExp(`^\\s*${name}\\s*=\\s*\\{(.*)\\},?\\s*$`, 'mi').exec(entry)?.[1];
      const firstAuthor = field('author')?.split(/\s+and\s+/)[0]?.split(',')[0]?.trim();
      return { title: field('title'), firstAuthor, year: year(field('year')), doi: field('doi'), journal: field('journal') };
    });
}

export async function loadExpected(file: string): Promise<Expected[]> {
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.expected.bib')) return fromJabrefBib(text);
  const data = JSON.parse(text) as unknown;
  if (file.endsWith('.expected.csl.json')) return (data as Json[]).map(fromCsl);
  if (file.endsWith('.expected.bbt.json')) return ((data as Json).items as Json[]).map(fromZotero);
  return (data as Json[]).map(fromZotero);
}

export function normalise(value: string): string {
  return value
    .normalize('NFC')
    .replace(/<\/?(b|i|u|sub|sup|sc|span)(\s[^>]*)?>/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function actualFields(record: CitationRecord | undefined): Record<Field, string> {
  const meta = record?.meta;
  return {
    title: meta?.title ?? '',
    firstAuthor: meta?.authors[0]?.split(',')[0]?.trim() ?? '',
    year: meta?.year === null || meta?.year === undefined ? '' : String(meta.year),
    doi: meta?.doi ?? '',
    journal: meta?.journal ?? '',
  };
}

const FIELDS: Field[] = ['title', 'firstAuthor', 'year', 'doi', 'journal'];

export async function measureFile(dir: string, file: string, expectedFile: string): Promise<FileReport> {
  const text = await readFile(path.join(dir, file), 'utf8');
  const expected = await loadExpected(path.join(dir, expectedFile));
  const format = detectCitationFormat(file, text);
  const records = format ? parseCitations(text, file, format).records : [];
  const report: FileReport = { file, expectedFile, expectedRecords: expected.length, parsedRecords: records.length, compared: 0, agreed: 0, disagreements: [] };
  expected.forEach((want, index) => {
    const got = actualFields(records.find((r) => r.record === index + 1));
    for (const field of FIELDS) {
      const value = want[field];
      if (value === undefined) continue;
      report.compared++;
      if (normalise(value) === normalise(got[field])) report.agreed++;
      else report.disagreements.push({ record: index + 1, field, expected: value, actual: got[field] });
    }
  });
  return report;
}

/** Reads manifest.tsv (columns file … expected_output_file …) and measures every listed pair. */
export async function measureAgreement(dir: string): Promise<Report> {
  const [header, ...rows] = (await readFile(path.join(dir, 'manifest.tsv'), 'utf8')).split(/\r?\n/).filter(Boolean);
  const columns = header!.split('\t');
  const fileCol = columns.indexOf('file');
  const expectedCol = columns.indexOf('expected_output_file');
  const files: FileReport[] = [];
  for (const row of rows) {
    const cells = row.split('\t');
    files.push(await measureFile(dir, cells[fileCol]!, cells[expectedCol]!));
  }
  const compared = files.reduce((sum, f) => sum + f.compared, 0);
  const agreed = files.reduce((sum, f) => sum + f.agreed, 0);
  return { files, compared, agreed, agreement: compared === 0 ? 0 : agreed / compared };
}

/** A fixed-width table for the test log. */
export function formatReport(report: Report): string {
  const lines = report.files.map((f) => `${f.file.padEnd(52)} records ${String(f.parsedRecords).padStart(2)}/${String(f.expectedRecords).padEnd(2)}  fields ${String(f.agreed).padStart(3)}/${String(f.compared).padEnd(3)}`);
  const misses = report.files.flatMap((f) => f.disagreements.map((d) => `  ${f.file} #${d.record} ${d.field}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`));
  return [...lines, `overall: ${report.agreed}/${report.compared} = ${(report.agreement * 100).toFixed(1)}%`, ...(misses.length ? ['disagreements:', ...misses] : [])].join('\n');
}
