/**
 * The extraction sheet of one template as CSV, streamed: one row per outcome record (plus one per
 * article and reviewer with study values only), study and outcome columns headed by their labels,
 * encoded article by article and written with backpressure. Discrepancies are in the JSON and XLSX
 * exports.
 */
import type { SheetColumn, Template } from '../../../shared/model/index.js';
import type { CoreContext } from '../context.js';
import { BOM, csvFields, csvLine, sheetCsvHeader, sheetCsvLine } from './csv.js';
import type { ExportProgress } from './progress.js';
import { sheetPass } from './sheet-pass.js';
import type { Sink } from './sink.js';

/** Text is handed to the sink in pieces about this large: few writes, little held at once. */
const CHUNK_CHARS = 256 * 1024;

/** `sink()` gives the sink to write to; a second call means "start again" (the columns changed). */
export async function writeSheetCsv(ctx: CoreContext, template: Template, sink: () => Promise<Sink>, progress: ExportProgress): Promise<void> {
  let out: Sink | null = null;
  let fields: SheetColumn[] = [];
  let pending = '';
  const flush = async () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    await out!.write(text);
  };
  await sheetPass(
    ctx.store,
    [...ctx.store.review.articles], // as it is now, whatever is edited during the export
    template,
    {
      async begin(columns) {
        out = await sink();
        fields = csvFields(columns);
        pending = BOM + csvLine(sheetCsvHeader(fields));
      },
      async article({ article, rows }) {
        for (const row of rows) pending += sheetCsvLine(row, article, fields);
        if (pending.length >= CHUNK_CHARS) await flush();
      },
    },
    (done, total) => progress.step(done, total, 'Writing CSV rows'),
  );
  await flush();
}
