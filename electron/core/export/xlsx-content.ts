/**
 * What the XLSX export contains, as plain sheets (xlsx.ts writes them): one worksheet per section
 * of the template (study sections: one row per article and reviewer; outcome sections: one row per
 * outcome record), then "Articles" (every bibliographic field, abstract, tags) and "Discrepancies"
 * (one row per discrepancy annotation: status, severity, dismissal reason, and the quotes it is
 * linked to). Cells are typed: numbers that are plainly numbers,
 * yes/no as booleans, times as dates; anything else exactly as the reviewer typed it.
 */
import { RECORD_STATUS_LABELS, type Template } from '../../../shared/model/index.js';
import type { SheetData } from '../../../shared/sheet/build.js';
import { quoteOf } from '../../../shared/anchoring/selectors.js';
import type { CoreContext } from '../context.js';
import { dateCell, typedCell, type Cell } from './cells.js';
import { linkedQuotes, linkedText, pageOf, reviewerName, type ReviewData } from './data.js';
import { SEVERITY_LABELS, STATUS_LABELS } from './report-data.js';
import type { ExportProgress } from './progress.js';
import { sectionColumns, uniqueHeaders, type SectionColumns } from './sections.js';
import type { XlsxColumn, XlsxColumnType, XlsxSheet } from './xlsx.js';

function columns(spec: ReadonlyArray<[string, XlsxColumnType]>, fields: SectionColumns['columns'] = [], after: ReadonlyArray<[string, XlsxColumnType]> = []): XlsxColumn[] {
  const all = [
    ...spec.map(([label, type]) => ({ label, type, qualifier: 'record' })),
    ...fields.map((c) => ({ label: c.label, type: (c.kind === 'number' ? 'number' : c.kind === 'yesno' ? 'boolean' : 'text') as XlsxColumnType, qualifier: c.level })),
    ...after.map(([label, type]) => ({ label, type, qualifier: 'record' })),
  ];
  const headers = uniqueHeaders(all);
  return all.map((c, i) => ({ header: headers[i]!, type: c.type }));
}

function studySheet(name: string, part: SectionColumns, template: Template, data: ReviewData): XlsxSheet {
  const shardsByArticle = new Map<string, ReviewData['shards']>();
  for (const shard of data.shards) {
    const list = shardsByArticle.get(shard.articleId);
    if (list) list.push(shard);
    else shardsByArticle.set(shard.articleId, [shard]);
  }
  const rows: Cell[][] = [];
  for (const article of data.review.articles) {
    const base = [article.id, data.labels.get(article.id) ?? article.id, article.title];
    const records = (shardsByArticle.get(article.id) ?? []).flatMap((shard) => {
      const record = shard.study.find((s) => s.template.id === template.id);
      return record ? [{ reviewer: shard.reviewer, record }] : [];
    });
    // Every article gets a row, so the sheet doubles as the list of studies still to extract.
    if (records.length === 0) rows.push([...base, null, null, null, ...part.columns.map(() => null)]);
    for (const { reviewer, record } of records) {
      rows.push([
        ...base,
        reviewerName(data, reviewer),
        dateCell(record.updated),
        record.template.version,
        ...part.columns.map((c) => typedCell(record.fields[c.key.slice(2)], c.kind === 'fixed' ? 'text' : c.kind)),
      ]);
    }
  }
  const spec: Array<[string, XlsxColumnType]> = [
    ['Article ID', 'text'],
    ['Article', 'text'],
    ['Title', 'long'],
    ['Reviewer', 'text'],
    ['Updated (UTC)', 'date'],
    ['Template version', 'number'],
  ];
  return { name, columns: columns(spec, part.columns), rows };
}

function outcomeSheet(name: string, part: SectionColumns, sheet: SheetData, data: ReviewData): XlsxSheet {
  const rows: Cell[][] = [];
  for (const row of sheet.rows) {
    if (row.annotationId === null) continue; // study values only: they are on the study sheet
    rows.push([
      row.annotationId,
      row.articleId,
      row.articleLabel,
      row.articleTitle,
      reviewerName(data, row.reviewer),
      row.status === null ? null : RECORD_STATUS_LABELS[row.status],
      ...part.columns.map((c) => typedCell(row.values[c.key], c.kind)),
      row.quote,
      row.page,
      row.tags.join('; ') || null,
    ]);
  }
  const spec: Array<[string, XlsxColumnType]> = [
    ['Annotation ID', 'text'],
    ['Article ID', 'text'],
    ['Article', 'text'],
    ['Title', 'long'],
    ['Reviewer', 'text'],
    ['Status', 'text'],
  ];
  return { name, columns: columns(spec, part.columns, [['Quote', 'long'], ['Page', 'number'], ['Tags', 'text']]), rows };
}

async function articlesSheet(ctx: CoreContext, data: ReviewData, progress: ExportProgress): Promise<XlsxSheet> {
  const rows: Cell[][] = [];
  const all = data.review.articles;
  for (const [i, a] of all.entries()) {
    await progress.step(i, all.length, 'Reading articles');
    // The abstract is only in the article file, not in review.json's index.
    const abstract = (await ctx.store.readArticle(a.id)).abstract;
    rows.push([
      a.id,
      data.labels.get(a.id) ?? a.id,
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
    ]);
  }
  const spec: Array<[string, XlsxColumnType]> = [
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
  ];
  return { name: 'Articles', columns: columns(spec), rows };
}

function discrepanciesSheet(data: ReviewData): XlsxSheet {
  const rows: Cell[][] = [];
  for (const a of data.annotations) {
    if (a.body.type !== 'discrepancy') continue;
    rows.push([
      a.id,
      a.articleId,
      data.labels.get(a.articleId) ?? a.articleId,
      data.articles.get(a.articleId)?.title ?? null,
      reviewerName(data, a.reviewer),
      a.body.kind || null,
      STATUS_LABELS[a.body.status],
      SEVERITY_LABELS[a.body.severity],
      a.body.note || null,
      a.body.reason || null,
      quoteOf(a),
      pageOf(a),
      linkedText(linkedQuotes(a, data)) || null,
      dateCell(a.created),
      dateCell(a.updated),
    ]);
  }
  const spec: Array<[string, XlsxColumnType]> = [
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
  ];
  return { name: 'Discrepancies', columns: columns(spec), rows };
}

export async function workbookSheets(
  ctx: CoreContext,
  template: Template,
  sheet: SheetData,
  data: ReviewData,
  progress: ExportProgress,
): Promise<XlsxSheet[]> {
  const sections = sectionColumns(template, sheet.columns).map((part) => {
    const name = part.section?.title ?? (part.level === 'study' ? 'Study (other fields)' : 'Outcomes (other fields)');
    return part.level === 'study' ? studySheet(name, part, template, data) : outcomeSheet(name, part, sheet, data);
  });
  return [...sections, await articlesSheet(ctx, data, progress), discrepanciesSheet(data)];
}
