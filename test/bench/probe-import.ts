/** import_pdf_s: import a folder of PDFs into a new, empty review (wall clock around importPaths). */
import { openReview } from '../../electron/core/index.js';
import { readInput, runProbe } from './probe-common.js';

await runProbe(async () => {
  const { dir, pdfDir } = readInput<{ dir: string; pdfDir: string }>();
  const core = await openReview(dir, { create: true, name: 'PDF import benchmark' });
  try {
    const started = performance.now();
    const outcomes = await core.importPaths([pdfDir]);
    const seconds = (performance.now() - started) / 1000;
    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const failed = outcomes.filter((o) => o.status === 'failed').map((o) => `${o.source}: ${o.error?.message ?? ''}`);
    const list = await core['articles.list']({});
    return { seconds, byStatus, failed: failed.slice(0, 5), pages: list.reduce((n, a) => n + a.pageCount, 0) };
  } finally {
    await core.close();
  }
});
