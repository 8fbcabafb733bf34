/** export.run: gather the review's annotations once and render the requested format. */
import type { ExportFile, ExportRequest } from '../../../shared/contract.js';
import type { Annotations } from '../annotations.js';
import type { CoreContext } from '../context.js';
import type { JobControl } from '../jobs.js';
import type { SheetService } from '../sheet.js';
import type { Templates } from '../templates.js';

export interface ExportDeps {
  annotations: Annotations;
  sheet: SheetService;
  templates: Templates;
}
import { sheetToCsv } from './csv.js';
import { buildJsonExport } from './json.js';
import { Sheet, exportBaseName } from './rows.js';

export async function runExport(ctx: CoreContext, deps: ExportDeps, request: ExportRequest, _control?: JobControl, now = new Date()): Promise<ExportFile> {
  const { annotations } = deps;
  const { format } = request;
  const review = ctx.store.review;
  const all = await annotations.all();
  const sheet = new Sheet(review.articles, all);
  const base = exportBaseName(review.name, now);
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      mimeType: 'text/csv; charset=utf-8',
      encoding: 'utf8',
      content: sheetToCsv([...sheet.outcomeRows(), ...sheet.discrepancyRows()]),
    };
  }
  const data = buildJsonExport(review.name, review.articles, all, sheet, now);
  return { fileName: `${base}.json`, mimeType: 'application/json', encoding: 'utf8', content: `${JSON.stringify(data, null, 2)}\n` };
}
