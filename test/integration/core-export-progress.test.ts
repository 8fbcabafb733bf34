/**
 * Export jobs: progress is reported while rows are written, and a cancelled job stops between rows
 * with "Export cancelled" (runExport is called directly, with a JobControl the test controls).
 */
import { describe, expect, it } from 'vitest';
import { Annotations } from '../../electron/core/annotations.js';
import { Discrepancies } from '../../electron/core/discrepancies.js';
import type { CoreContext } from '../../electron/core/context.js';
import { runExport, type ExportDeps } from '../../electron/core/export/index.js';
import type { JobControl } from '../../electron/core/jobs.js';
import { SheetService } from '../../electron/core/sheet.js';
import { ReviewStore } from '../../electron/core/store/review-store.js';
import { StudyValuesService } from '../../electron/core/study.js';
import { Templates } from '../../electron/core/templates.js';
import type { ExportFormat } from '../../shared/contract.js';
import { base64, fakeExtract, newReview } from './core-helpers.js';

async function reviewWithRecords(n: number): Promise<{ ctx: CoreContext; deps: ExportDeps }> {
  const { dir, core } = await newReview({ name: 'Progress' });
  const text = Array.from({ length: n }, (_, i) => `Result ${i}: ${i * 1.5}.`).join('\n');
  const [result] = (await core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64(text) }] })).results;
  const articleId = result!.articleId!;
  for (let i = 0; i < n; i++) {
    const quote = `Result ${i}: ${i * 1.5}.`;
    const start = text.indexOf(quote);
    await core['annotations.create']({
      articleId,
      start,
      end: start + quote.length,
      exact: quote,
      body: { type: 'outcome', template: { id: 'trial-outcomes', version: 1 }, status: 'in-progress', tags: [], fields: { outcome: `Result ${i}`, value: String(i * 1.5) } },
    });
  }
  await core.close();
  const store = await ReviewStore.open(dir);
  const ctx: CoreContext = { store, log: () => {}, defaultReviewer: 'me', extract: fakeExtract, assertWritable() {} };
  const templates = new Templates(ctx);
  const annotations = new Annotations(ctx);
  const sheet = new SheetService(ctx, templates, annotations, new StudyValuesService(ctx, templates));
  return { ctx, deps: { annotations, sheet, templates, discrepancies: new Discrepancies(ctx, annotations) } };
}

function control(onProgress: (done: number, total: number, label: string | undefined, abort: () => void) => void = () => {}) {
  const controller = new AbortController();
  const calls: Array<[number, number, string | undefined]> = [];
  const c: JobControl = {
    signal: controller.signal,
    progress(done, total, label) {
      calls.push([done, total, label]);
      onProgress(done, total, label, () => controller.abort());
    },
  };
  return { control: c, calls };
}

describe('export progress and cancellation', () => {
  it('reports progress up to the total while writing rows', async () => {
    const { ctx, deps } = await reviewWithRecords(30);
    const { control: c, calls } = control();
    const file = await runExport(ctx, deps, { format: 'xlsx' }, c);
    expect(file.encoding).toBe('base64');
    const writing = calls.filter(([, , label]) => label === 'Writing sheet Outcomes');
    expect(writing.length).toBeGreaterThan(1);
    const last = calls[calls.length - 1]!;
    expect(last[0]).toBe(last[1]); // finished: done = total
    for (const [done, total] of calls) expect(done).toBeLessThanOrEqual(total);
  });

  it.each<ExportFormat>(['csv', 'xlsx', 'json', 'jsonld', 'ris', 'bibtex'])('%s: a cancelled job stops with "Export cancelled"', async (format) => {
    const { ctx, deps } = await reviewWithRecords(30);
    const { control: c, calls } = control((_done, _total, _label, abort) => abort());
    await expect(runExport(ctx, deps, { format }, c)).rejects.toMatchObject({ code: 'bad-input', message: 'Export cancelled' });
    expect(calls).toHaveLength(1); // it stopped at the next row after the first report
  });

  it('a job cancelled before it starts does no work', async () => {
    const { ctx, deps } = await reviewWithRecords(1);
    const controller = new AbortController();
    controller.abort();
    await expect(runExport(ctx, deps, { format: 'revman' }, { signal: controller.signal, progress() {} })).rejects.toMatchObject({ message: 'Export cancelled' });
  });
});
