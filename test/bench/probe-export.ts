/** export_*: stream an export of the whole review into a file, timed around Core.exportToFile. */
import { openReview } from '../../electron/core/index.js';
import type { ExportFormat } from '../../shared/contract.js';
import { progress, readInput, runProbe, searchIndexReady } from './probe-common.js';

await runProbe(async () => {
  const { dir, format, file } = readInput<{ dir: string; format: ExportFormat; file: string }>();
  const core = await openReview(dir);
  try {
    // Timed in the steady state, as saves are: once the review's one-off background work after
    // opening (loading the search index, checking the catalogue) is done.
    await searchIndexReady(core);
    await core.settled();
    await core['articles.list']({});
    let lastShown = 0;
    const started = performance.now();
    const written = await core.exportToFile({ format }, file, {
      onProgress: (done, total, label) => {
        const now = performance.now();
        if (now - lastShown < 2000) return;
        lastShown = now;
        progress(`${format}: ${done}/${total} ${label}`);
      },
    });
    return { seconds: (performance.now() - started) / 1000, bytes: written.bytes, file: written.file };
  } finally {
    await core.close();
  }
});
