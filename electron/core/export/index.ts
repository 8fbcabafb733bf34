/** export.run: gather the review's annotations once and render the requested format. */
import type { ExportFile, ExportFormat } from '../../../shared/contract.js';
import type { Annotations } from '../annotations.js';
import type { CoreContext } from '../context.js';
import { sheetToCsv } from './csv.js';
import { buildJsonExport } from './json.js';
import { Sheet, exportBaseName } from './rows.js';

export async function runExport(ctx: CoreContext, annotations: Annotations, format: ExportFormat, now = new Date()): Promise<ExportFile> {
  const review = ctx.store.review;
  const all = await annotations.all();
  const sheet = new Sheet(review.articles, all);
  const base = exportBaseName(review.name, now);
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      mimeType: 'text/csv; charset=utf-8',
      content: sheetToCsv([...sheet.outcomeRows(), ...sheet.discrepancyRows()]),
    };
  }
  const data = buildJsonExport(review.name, review.articles, all, sheet, now);
  return { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(data, null, 2)}\n` };
}
