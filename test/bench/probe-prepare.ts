/**
 * Builds a cached benchmark review: generate it, then open it once as the app would (list the
 * articles, wait for the search index), so derived indexes exist on disk before any measurement.
 */
import { openReview } from '../../electron/core/index.js';
import { generateReview } from './generate.js';
import { progress, readInput, runProbe, waitFor } from './probe-common.js';

interface Input {
  dir: string;
  articles: number;
  annotations: number;
  seed: number;
}

await runProbe(async () => {
  const input = readInput<Input>();
  const summary = await generateReview(input.dir, { ...input, log: progress });
  progress(`generated in ${summary.seconds.toFixed(1)} s; opening once to build derived indexes`);
  const started = performance.now();
  const core = await openReview(input.dir, { log: (m, e) => progress(`core: ${m} ${e ? String(e) : ''}`) });
  let searchReadyMs: number | null = null;
  let searchNote = '';
  try {
    const list = await core['articles.list']({});
    const listMs = performance.now() - started;
    try {
      await waitFor(
        () => core['search.query']({ query: 'placebo' }),
        (r) => r.index.ready,
        (r) => r.index.indexed,
        { intervalMs: 200, stallMs: 60_000, describe: (r) => `search index ${r.index.indexed}/${r.index.total}` },
      );
      searchReadyMs = performance.now() - started;
    } catch (error) {
      searchNote = error instanceof Error ? error.message : String(error);
      progress(`search index not ready: ${searchNote}`);
    }
    return { summary, listed: list.length, listMs, searchReadyMs, searchNote };
  } finally {
    await core.close();
  }
});
