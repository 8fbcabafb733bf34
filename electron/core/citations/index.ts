/**
 * Citation files for import: RIS, BibTeX/BibLaTeX, PubMed MEDLINE (.nbib), PubMed XML, CSL-JSON
 * and EndNote XML. Each record becomes the model's bibliographic fields plus its abstract; a record
 * that cannot be read is reported by number and the others still import.
 */
import { EvidentiaError } from '../../../shared/result.js';
import { readBibtex } from './bibtex.js';
import { readCslJson } from './csl-json.js';
import { readEndnoteXml } from './endnote-xml.js';
import { readMedline } from './nbib.js';
import { readPubmedXml } from './pubmed-xml.js';
import { readRis } from './ris.js';
import type { CitationFormat, CitationParse, ReadResult } from './types.js';

export type { CitationFormat, CitationParse, CitationRecord, RecordProblem } from './types.js';
export { detectCitationFormat, jsonSyntaxProblem } from './detect.js';

const FORMAT_NAMES: Record<CitationFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  nbib: 'PubMed (MEDLINE)',
  'pubmed-xml': 'PubMed XML',
  'csl-json': 'CSL-JSON',
  'endnote-xml': 'EndNote XML',
};

function read(text: string, fileName: string, format: CitationFormat): ReadResult {
  switch (format) {
    case 'ris':
      return readRis(text);
    case 'bibtex':
      return readBibtex(text);
    case 'nbib':
      return readMedline(text);
    case 'pubmed-xml':
      return readPubmedXml(text, fileName);
    case 'csl-json':
      return readCslJson(text, fileName);
    case 'endnote-xml':
      return readEndnoteXml(text, fileName);
  }
}

/**
 * Parses every record. Throws EvidentiaError 'empty-file' when the file holds no records and
 * 'corrupt-file' when it holds some but none could be read (or the file as a whole is unreadable).
 */
export function parseCitations(text: string, fileName: string, format: CitationFormat): CitationParse {
  const name = FORMAT_NAMES[format];
  if (text.trim() === '') throw new EvidentiaError('empty-file', `${fileName} is empty.`);
  const { records, errors } = read(text, fileName, format);
  if (records.length === 0 && errors.length === 0) throw new EvidentiaError('empty-file', `${fileName} contains no ${name} records.`);
  if (records.length === 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more record${errors.length > 2 ? 's' : ''} with problems)` : '';
    throw new EvidentiaError('corrupt-file', `No record in ${fileName} could be read as ${name}. Record ${first.record}: ${first.reason}${more}`);
  }
  return { format, records, errors };
}
