/**
 * export.run / export.start (content returned to the UI) and exportToFile (written to a file):
 * render the requested format, report progress and honour cancellation. CSV, XLSX, JSON and JSON-LD
 * stream the review article by article into a sink (sink.ts: memory, or a temporary file renamed
 * when complete), so a review of 500,000 annotations is never held whole; the others (references,
 * RevMan, reports: summaries of the review) load it once (data.ts) and render one text. Formats:
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
import type { DiscrepancyItem, Template } from '../../../shared/model/index.js';
import type { Annotations } from '../annotations.js';
import type { CoreContext } from '../context.js';
import type { JobControl } from '../jobs.js';
import type { SheetService } from '../sheet.js';
import type { Templates } from '../templates.js';
import type { ExportToFileOptions } from '../types.js';
import { toBibtex } from './bibtex.js';
import { biblioItems } from './biblio.js';
import { writeSheetCsv } from './csv-export.js';
import { loadReviewData } from './data.js';
import { MAX_CONTENT_FILE_CHARS, writeJsonExport } from './json.js';
import { JSONLD_MIME, writeJsonLd } from './jsonld.js';
import { exportBaseName } from './names.js';
import { ExportProgress } from './progress.js';
import { buildReport, reportInput } from './report-data.js';
import { reportHtml } from './report-html.js';
import { reportJsonLd } from './report-jsonld.js';
import { reportMarkdown } from './report-md.js';
import { revmanCsv } from './revman.js';
import { toRis } from './ris.js';
import { MemorySink, writeFileAtomically, type Sink } from './sink.js';
import { writeSheetXlsx } from './xlsx-export.js';

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

/** Formats written as they are produced; `sink()` gives the sink, and a fresh one when they start again. */
type Streamed = (ctx: CoreContext, template: Template, sink: () => Promise<Sink>, progress: ExportProgress, now: Date, target: 'memory' | 'file') => Promise<void>;

const STREAMED: Partial<Record<ExportFormat, Streamed>> = {
  csv: (ctx, template, sink, progress) => writeSheetCsv(ctx, template, sink, progress),
  xlsx: writeSheetXlsx,
  jsonld: (ctx, _template, sink, progress, now) => writeJsonLd(ctx, sink, progress, now),
  json: (ctx, _template, sink, progress, now, target) => writeJsonExport(ctx, sink, progress, now, target === 'memory' ? MAX_CONTENT_FILE_CHARS : null),
};

/** The formats rendered as one text from the whole review. */
async function renderText(ctx: CoreContext, deps: ExportDeps, format: ExportFormat, template: Template, progress: ExportProgress, now: Date): Promise<string> {
  if (format === 'revman') return revmanCsv(await deps.sheet.data(template.id));
  const data = await loadReviewData(ctx);
  switch (format) {
    case 'ris':
      return toRis(await biblioItems(ctx, data, progress));
    case 'bibtex':
      return toBibtex(await biblioItems(ctx, data, progress));
    case 'report-md':
    case 'report-html':
    case 'report-jsonld': {
      const input = reportInput(data);
      const report = buildReport(await deps.discrepancies.list(), input, now);
      progress.check();
      if (format === 'report-md') return reportMarkdown(report);
      if (format === 'report-html') return reportHtml(report);
      return reportJsonLd(report, input, progress);
    }
    default:
      throw new Error(`${format} is streamed or rendered elsewhere`);
  }
}

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
  const file = (content: string, encoding: ExportFile['encoding'] = 'utf8'): ExportFile => ({ fileName, mimeType: FILES[format].mimeType, encoding, content });

  progress.check();
  const streamed = STREAMED[format];
  if (!streamed) return file(await renderText(ctx, deps, format, template, progress, now));
  let sink = new MemorySink();
  await streamed(ctx, template, async () => (sink = new MemorySink()), progress, now, 'memory');
  await sink.finished();
  return format === 'xlsx' ? file(sink.buffer().toString('base64'), 'base64') : file(sink.text());
}

/**
 * The export written to `file`: into a temporary file beside it, renamed over it once complete. On
 * failure or cancellation (ExportProgress's "Export cancelled") the temporary file is removed and
 * whatever `file` held before is untouched.
 */
export async function runExportToFile(
  ctx: CoreContext,
  deps: ExportDeps,
  request: ExportRequest,
  file: string,
  options: ExportToFileOptions = {},
): Promise<{ file: string; bytes: number }> {
  const control: JobControl = {
    signal: options.signal ?? new AbortController().signal,
    progress: (done, total, label) => options.onProgress?.(done, total, label ?? ''),
  };
  const progress = new ExportProgress(control);
  const template = deps.templates.get(request.templateId);
  progress.check();
  const streamed = STREAMED[request.format];
  const now = new Date();
  return writeFileAtomically(file, async (sink) => {
    if (streamed) return streamed(ctx, template, sink, progress, now, 'file');
    const text = await renderText(ctx, deps, request.format, template, progress, now);
    progress.check();
    await (await sink()).write(text);
  });
}
