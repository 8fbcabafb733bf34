/**
 * Articles as RIS for Zotero, EndNote, Mendeley, Rayyan, Covidence. citation-js writes the
 * bibliographic core from CSL-JSON (type codes, AU/PY/SP/EP …); the lines it cannot write the way
 * reviewers need are added before each ER: the abstract (AB), one KW per keyword and tag, one N1
 * per reviewer note, and the PMID as AN (where EndNote keeps PubMed's id).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { keywordsAndTags, metaToCsl, oneLine } from '../citations/to-csl.js';
import type { BiblioExportItem } from './biblio-item.js';

const EOL = '\r\n'; // the RIS specification's line ending; every reader also takes "\n"

function extraLines(item: BiblioExportItem): string[] {
  const lines: string[] = [];
  const add = (tag: string, value: string | null) => {
    const text = value === null ? '' : oneLine(value);
    if (text) lines.push(`${tag}  - ${text}`);
  };
  add('AB', item.abstract);
  for (const keyword of keywordsAndTags(item.meta)) add('KW', keyword);
  for (const note of item.notes) add('N1', note);
  add('AN', item.meta.pmid);
  return lines;
}

export function toRis(items: BiblioExportItem[]): string {
  if (items.length === 0) return '';
  const written = String(new Cite(items.map((item) => metaToCsl(item.id, item.meta))).format('ris'));
  // citation-js ends each record with an "ER  - " line, in input order.
  const records = written.split(/\r?\n/).reduce<string[][]>(
    (acc, line) => {
      if (/^ER {2}-/.test(line)) acc.push([]);
      else if (line.trim()) acc[acc.length - 1]!.push(line);
      return acc;
    },
    [[]],
  );
  return items
    .map((item, n) => {
      const lines = records[n] ?? [];
      // citation-js leaves out DOIs it does not recognise (e.g. short test prefixes); the model's DOI is kept regardless.
      const doi = item.meta.doi && !lines.some((line) => line.startsWith('DO  - ')) ? [`DO  - ${oneLine(item.meta.doi)}`] : [];
      return [...lines, ...doi, ...extraLines(item), 'ER  - ', ''].join(EOL);
    })
    .join(EOL);
}
