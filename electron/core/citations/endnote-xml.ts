/**
 * EndNote XML (File → Export → XML): <xml><records><record>…. Every text field may be wrapped in
 * one or more <style face=… font=…> runs, so leaf fields are kept as raw XML (fast-xml-parser stop
 * nodes) and flattened by xmlText(), which drops the wrappers and decodes entities.
 */
import { XMLParser } from 'fast-xml-parser';
import { cslToRecord, isBlank, type CslItem } from './csl.js';
import { xmlText } from './text.js';
import { parseXmlFile } from './xml-file.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

type Node = Record<string, unknown>;

const LEAVES = ['title', 'secondary-title', 'tertiary-title', 'alt-title', 'short-title', 'full-title', 'abbr-1', 'author', 'year', 'date', 'volume', 'number', 'pages', 'electronic-resource-num', 'url', 'keyword', 'abstract', 'accession-num', 'remote-database-name', 'remote-database-provider'];
const LISTS = new Set(['record', 'author', 'keyword', 'url', 'date']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  stopNodes: LEAVES.map((name) => `*.${name}`),
  isArray: (name) => LISTS.has(name),
});

/** EndNote's reference-type names → CSL types (the common ones; anything else is a generic document). */
const TYPES: Record<string, string> = {
  'journal article': 'article-journal',
  'electronic article': 'article-journal',
  'magazine article': 'article-magazine',
  'newspaper article': 'article-newspaper',
  book: 'book',
  'edited book': 'book',
  'electronic book': 'book',
  'book section': 'chapter',
  'electronic book section': 'chapter',
  'conference proceedings': 'paper-conference',
  'conference paper': 'paper-conference',
  report: 'report',
  'government document': 'report',
  thesis: 'thesis',
  'web page': 'webpage',
  patent: 'patent',
  dataset: 'dataset',
  manuscript: 'manuscript',
  'unpublished work': 'manuscript',
  statute: 'legislation',
  case: 'legal_case',
  map: 'map',
  dictionary: 'entry-dictionary',
  encyclopedia: 'entry-encyclopedia',
  'film or broadcast': 'motion_picture',
  generic: 'document',
};
/** Types whose secondary title is the journal / book / proceedings the item appeared in. */
const CONTAINED = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'chapter', 'paper-conference', 'entry-dictionary', 'entry-encyclopedia']);

const node = (value: unknown): Node => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);
const text = (value: unknown): string => xmlText(Array.isArray(value) ? value[0] : value);

/** "Ahlquist, John S" → CSL name; a name without a comma (an organisation) is kept whole. */
function name(raw: unknown): CslItem | null {
  const value = xmlText(raw);
  if (!value) return null;
  const comma = value.indexOf(',');
  return comma < 0 ? { literal: value } : { family: value.slice(0, comma).trim(), given: value.slice(comma + 1).trim() };
}
const names = (group: unknown): CslItem[] => list(node(group).author).map(name).filter((n): n is CslItem => n !== null);

function recordToCsl(rec: Node): { item: CslItem; keywords: string[] } {
  const refType = node(rec['ref-type']);
  const type = TYPES[String(refType['@_name'] ?? '').toLowerCase()] ?? 'document';
  const titles = node(rec.titles);
  const periodical = node(rec.periodical);
  const contributors = node(rec.contributors);
  const dates = node(rec.dates);
  const urls = node(rec.urls);
  const secondary = text(titles['secondary-title']);
  const accession = text(rec['accession-num']);
  const database = `${text(rec['remote-database-name'])} ${text(rec['remote-database-provider'])}`.toLowerCase();
  return {
    item: {
      type,
      title: text(titles.title),
      author: names(contributors.authors),
      editor: names(contributors['secondary-authors']),
      'container-title': CONTAINED.has(type) ? text(periodical['full-title']) || secondary : undefined,
      'container-title-short': text(periodical['abbr-1']) || text(titles['alt-title']),
      issued: { raw: text(dates.year) || text(node(dates['pub-dates']).date) },
      volume: text(rec.volume),
      issue: text(rec.number),
      page: text(rec.pages),
      DOI: text(rec['electronic-resource-num']),
      // EndNote keeps PubMed's PMID as the accession number of records it fetched from PubMed.
      PMID: /^\d{1,9}$/.test(accession) && /pubmed|nlm/.test(database) ? accession : undefined,
      URL: text(list(node(urls['related-urls']).url)[0]) || text(list(node(urls['web-urls']).url)[0]),
      abstract: text(rec.abstract),
    },
    keywords: list(node(rec.keywords).keyword).map(xmlText),
  };
}

export function readEndnoteXml(xml: string, fileName: string): ReadResult {
  const root = node(node(parseXmlFile(parser, xml, fileName)).xml);
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  list(node(root.records).record).forEach((rec, index) => {
    const record = index + 1;
    const { item, keywords } = recordToCsl(node(rec));
    const parsed = cslToRecord(item, record, { keywords });
    if (isBlank(parsed)) errors.push({ record, reason: `Record ${record} has no title, authors or identifiers.` });
    else records.push(parsed);
  });
  return { records, errors };
}
