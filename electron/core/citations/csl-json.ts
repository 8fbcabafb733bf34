/** CSL-JSON (Zotero, Mendeley, citation-js, Pandoc exports): an array of items, or a single item. */
import { EvidentiaError } from '../../../shared/result.js';
import { cslToRecord, isBlank, type CslItem } from './csl.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

export function readCslJson(text: string, fileName: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EvidentiaError('corrupt-file', `${fileName} is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  const items: unknown[] = Array.isArray(data) ? data : [data];
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  items.forEach((item, index) => {
    const record = index + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ record, reason: `Item ${record} is not a CSL-JSON object.` });
      return;
    }
    const parsed = cslToRecord(item as CslItem, record);
    if (isBlank(parsed)) errors.push({ record, reason: `Item ${record} has no title, authors or identifiers.` });
    else records.push(parsed);
  });
  return { records, errors };
}
