/**
 * export.run / export.start: load the review once, render the requested format, report progress
 * and honour cancellation. Formats:
 *   csv      the template's sheet (sheet columns, labels as headers)
 *   xlsx     one worksheet per template section, plus Articles and Discrepancies
 *   json     everything, restorable (restore.ts)
 *   jsonld   W3C Web Annotation collection
 *   ris, bibtex  articles with tags and the reviewers' notes
 *   revman   outcome records with numbers to pool, for meta-analysis software
 *   report-md, report-html, report-jsonld
 *            the fact-check report of the discrepancies (report-data.ts): confirmed and suggested
 *            ones with their quotes and sources, the dismissed ones with their reasons
 */
import type { ExportFile, ExportFormat, ExportRequest } from '../../../shared/contract.js';
import type { DiscrepancyItem } from '../../../shared/model/index.js';
import type { Annotations } from '../annotations.js';
import type { CoreContext } from '../context.js';
import type { JobControl } from '../jobs.js';
import type { SheetService } from '../sheet.js';
import type { Templates } from '../templates.js';
import { toBibtex } from './bibtex.js';
import { biblioItems } from './biblio.js';
import { sheetToCsv } from './csv.js';
import { loadReviewData } from './data.js';
import { buildJsonExport } from './json.js';
import { JSONLD_MIME, buildJsonLd } from './jsonld.js';
import { exportBaseName } from './names.js';
import { ExportProgress } from './progress.js';
import { buildReport, reportInput } from './report-data.js';
import { reportHtml } from './report-html.js';
import { reportJsonLd } from './report-jsonld.js';
import { reportMarkdown } from './report-md.js';
import { revmanCsv } from './revman.js';
import { toRis } from './ris.js';
import { writeWorkbook } from './xlsx.js';
import { workbookSheets } from './xlsx-content.js';

export interface ExportDeps {
  annotations: Annotations;
  sheet: SheetService;
  templates: Templates;
  /** The discrepancy board's items (linked annotations as one), for the fact-check reports. */
  discrepancies: { list(): Promise<DiscrepancyItem[]> };
}

const FILES: Record<ExportFormat, { what: string; ext: string; mimeType: string }> = {
  csv: { what: 'extraction', ext: 'csv', mimeType: 'text/csv; charset=utf-8' },
  xlsx: { what: 'extraction', ext: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  json: { what: 'evidentia', ext: 'json', mimeType: 'application/json' },
  jsonld: { what: 'annotations', ext: 'jsonld', mimeType: JSONLD_MIME },
  ris: { what: 'references', ext: 'ris', mimeType: 'application/x-research-info-systems' },
  bibtex: { what: 'references', ext: 'bib', mimeType: 'application/x-bibtex; charset=utf-8' },
  revman: { what: 'revman', ext: 'csv', mimeType: 'text/csv; charset=utf-8' },
  'report-md': { what: 'factcheck', ext: 'md', mimeType: 'text/markdown; charset=utf-8' },
  'report-html': { what: 'factcheck', ext: 'html', mimeType: 'text/html; charset=utf-8' },
  'report-jsonld': { what: 'factcheck', ext: 'jsonld', mimeType: JSONLD_MIME },
};

export async function runExport(ctx: CoreContext, deps: ExportDeps, request: ExportRequest, control?: JobControl, now = new Date()): Promise<ExportFile> {
  const { format } = request;
  const progress = new ExportProgress(control);
  const template = deps.templates.get(request.templateId); // not-found before any work
  const review = ctx.store.review;
  // A sheet of another template than the review's first gets its id in the name, so two exports
  // of one day do not overwrite each other.
  const perTemplate = format === 'csv' || format === 'xlsx' || format === 'revman';
  const what = FILES[format].what + (perTemplate && template.id !== review.templates[0]?.id ? `-${template.id}` : '');
  const fileName = `${exportBaseName(review.name, now, what)}.${FILES[format].ext}`;
  const text = (content: string): ExportFile => ({ fileName, mimeType: FILES[format].mimeType, encoding: 'utf8', content });

  progress.check();
  const data = await loadReviewData(ctx);
  switch (format) {
    case 'csv':
      return text(await sheetToCsv(await deps.sheet.data(template.id), data, progress));
    case 'revman':
      return text(revmanCsv(await deps.sheet.data(template.id)));
    case 'xlsx': {
      const sheets = await workbookSheets(ctx, template, await deps.sheet.data(template.id), data, progress);
      const bytes = await writeWorkbook(sheets, progress, `${review.name}: ${template.name}`);
      return { fileName, mimeType: FILES.xlsx.mimeType, encoding: 'base64', content: bytes.toString('base64') };
    }
    case 'json':
      return text(await buildJsonExport(ctx, data, progress, now));
    case 'jsonld':
      return text(await buildJsonLd(data, progress, now));
    case 'ris':
      return text(toRis(await biblioItems(ctx, data, progress)));
    case 'bibtex':
      return text(toBibtex(await biblioItems(ctx, data, progress)));
    case 'report-md':
    case 'report-html':
    case 'report-jsonld': {
      const input = reportInput(data);
      const report = buildReport(await deps.discrepancies.list(), input, now);
      progress.check();
      if (format === 'report-md') return text(reportMarkdown(report));
      if (format === 'report-html') return text(reportHtml(report));
      return text(await reportJsonLd(report, input, progress));
    }
  }
}
