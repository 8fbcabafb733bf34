/**
 * What the XLSX export contains (xlsx-export.ts streams it, xlsx.ts writes it): one worksheet per
 * section of the template (study sections: one row per article and reviewer; outcome sections: one
 * row per outcome record), then "Articles" (every bibliographic field, abstract, tags) and
 * "Discrepancies" (one row per discrepancy annotation: status, severity, dismissal reason, and the
 * quotes it is linked to). Cells are typed: numbers that are plainly numbers, yes/no as booleans,
 * times as dates; anything else exactly as the reviewer typed it. Here: the columns, and the cells
 * of one row at a time.
 */
import { RECORD_STATUS_LABELS, type Annotation, type AnnotationFile, type ArticleIndexEntry, type SheetColumn, type SheetRecordRow, type Template } from '../../../shared/model/index.js';
import { quoteOf } from '../../../shared/anchoring/selectors.js';
import { dateCell, typedCell, type Cell } from './cells.js';
import { pageOf } from './data.js';
import { SEVERITY_LABELS, STATUS_LABELS } from './report-data.js';
import { sectionColumns, uniqueHeaders, type SectionColumns } from './sections.js';
import type { XlsxColumn, XlsxColumnType, XlsxSheetSpec } from './xlsx.js';

type Spec = ReadonlyArray<[string, XlsxColumnType]>;

function columns(spec: Spec, fields: SectionColumns['columns'] = [], after: Spec = []): XlsxColumn[] {
  const all = [
    ...spec.map(([label, type]) => ({ label, type, qualifier: 'record' })),
    ...fields.map((c) => ({ label: c.label, type: (c.kind === 'number' ? 'number' : c.kind === 'yesno' ? 'boolean' : 'text') as XlsxColumnType, qualifier: c.level })),
    ...after.map(([label, type]) => ({ label, type, qualifier: 'record' })),
  ];
  const headers = uniqueHeaders(all);
  return all.map((c, i) => ({ header: headers[i]!, type: c.type }));
}

const STUDY_SPEC: Spec = [
  ['Article ID', 'text'],
  ['Article', 'text'],
  ['Title', 'long'],
  ['Reviewer', 'text'],
  ['Updated (UTC)', 'date'],
  ['Template version', 'number'],
];

const OUTCOME_SPEC: Spec = [
  ['Annotation ID', 'text'],
  ['Article ID', 'text'],
  ['Article', 'text'],
  ['Title', 'long'],
  ['Reviewer', 'text'],
  ['Status', 'text'],
];
const OUTCOME_AFTER: Spec = [
  ['Quote', 'long'],
  ['Page', 'number'],
  ['Tags', 'text'],
];

export const ARTICLE_SHEET: XlsxSheetSpec = {
  name: 'Articles',
  columns: columns([
    ['Article ID', 'text'],
    ['Article', 'text'],
    ['Title', 'long'],
    ['Authors', 'long'],
    ['Journal', 'text'],
    ['Year', 'number'],
    ['Volume', 'text'],
    ['Issue', 'text'],
    ['Pages', 'text'],
    ['DOI', 'text'],
    ['PMID', 'text'],
    ['URL', 'text'],
    ['Type', 'text'],
    ['Keywords', 'long'],
    ['Tags', 'text'],
    ['Abstract', 'long'],
    ['Kind', 'text'],
    ['File', 'text'],
    ['PDF pages', 'number'],
    ['Imported (UTC)', 'date'],
  ]),
};

export const DISCREPANCY_SHEET: XlsxSheetSpec = {
  name: 'Discrepancies',
  columns: columns([
    ['Annotation ID', 'text'],
    ['Article ID', 'text'],
    ['Article', 'text'],
    ['Title', 'long'],
    ['Reviewer', 'text'],
    ['Kind', 'text'],
    ['Status', 'text'],
    ['Severity', 'text'],
    ['Note', 'long'],
    ['Dismissal reason', 'long'],
    ['Quote', 'long'],
    ['Page', 'number'],
    ['Linked quotes', 'long'],
    ['Created (UTC)', 'date'],
    ['Updated (UTC)', 'date'],
  ]),
};

export interface SectionSheet extends XlsxSheetSpec {
  part: SectionColumns;
}

/** The template's section sheets for these sheet columns, in template order. */
export function sectionSheets(template: Template, sheetColumns: readonly SheetColumn[]): SectionSheet[] {
  return sectionColumns(template, sheetColumns).map((part) => ({
    name: part.section?.title ?? (part.level === 'study' ? 'Study (other fields)' : 'Outcomes (other fields)'),
    columns: part.level === 'study' ? columns(STUDY_SPEC, part.columns) : columns(OUTCOME_SPEC, part.columns, OUTCOME_AFTER),
    part,
  }));
}

/** Reviewer id → display name. */
export type NameOf = (reviewer: string) => string;

/**
 * A study section's rows for one article: one per reviewer with a record under the template, or
 * one empty row, so the sheet doubles as the list of studies still to extract.
 */
export function studyRows(part: SectionColumns, template: Template, article: ArticleIndexEntry, label: string, shards: readonly AnnotationFile[], nameOf: NameOf): Cell[][] {
  const base = [article.id, label, article.title];
  const rows: Cell[][] = [];
  for (const shard of shards) {
    const record = shard.study.find((s) => s.template.id === template.id);
    if (!record) continue;
    rows.push([
      ...base,
      nameOf(shard.reviewer),
      dateCell(record.updated),
      record.template.version,
      ...part.columns.map((c) => typedCell(record.fields[c.key.slice(2)], c.kind === 'fixed' ? 'text' : c.kind)),
    ]);
  }
  if (rows.length === 0) rows.push([...base, null, null, null, ...part.columns.map(() => null)]);
  return rows;
}

/** An outcome section's row for a sheet row with a record (study-only rows are on the study sheet). */
export function outcomeRow(part: SectionColumns, row: SheetRecordRow, nameOf: NameOf): Cell[] {
  return [
    row.annotationId,
    row.articleId,
    row.articleLabel,
    row.articleTitle,
    nameOf(row.reviewer),
    row.status === null ? null : RECORD_STATUS_LABELS[row.status],
    ...part.columns.map((c) => typedCell(row.values[c.key], c.kind)),
    row.quote,
    row.page,
    row.tags.join('; ') || null,
  ];
}

/** The Articles row; the abstract is only in the article file, not in review.json's index. */
export function articleRow(a: ArticleIndexEntry, label: string, abstract: string | null): Cell[] {
  return [
    a.id,
    label,
    a.title,
    a.authors.join('; ') || null,
    a.journal,
    a.year,
    a.volume,
    a.issue,
    a.page,
    a.doi,
    a.pmid,
    a.url,
    a.type,
    a.keywords.join('; ') || null,
    a.tags.join('; ') || null,
    abstract,
    a.kind,
    a.fileName,
    a.pageCount || null,
    dateCell(a.importedAt),
  ];
}

/**
 * A Discrepancies row but for its last three cells (linked quotes, created, updated), which the
 * writer adds once every linked quote has been read (xlsx-export.ts).
 */
export function discrepancyCells(a: Annotation, article: ArticleIndexEntry | undefined, label: string, nameOf: NameOf): Cell[] {
  if (a.body.type !== 'discrepancy') throw new Error(`${a.id} is not a discrepancy`);
  return [
    a.id,
    a.articleId,
    label,
    article?.title ?? null,
    nameOf(a.reviewer),
    a.body.kind || null,
    STATUS_LABELS[a.body.status],
    SEVERITY_LABELS[a.body.severity],
    a.body.note || null,
    a.body.reason || null,
    quoteOf(a),
    pageOf(a),
  ];
}
