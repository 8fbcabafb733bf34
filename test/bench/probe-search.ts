/**
 * search_p95: open the review, wait until the search index says it is ready (that time is reported
 * too), then run the queries one after another, timing each awaited call.
 */
import { openReview } from '../../electron/core/index.js';
import { progress, readInput, runProbe, searchIndexReady } from './probe-common.js';

await runProbe(async () => {
  const { dir, queries } = readInput<{ dir: string; queries: string[] }>();
  const started = performance.now();
  const core = await openReview(dir);
  try {
    await core['articles.list']({});
    const ready = await searchIndexReady(core);
    const readyMs = performance.now() - started;
    progress(`search index ready after ${Math.round(readyMs)} ms (${ready.index.total} articles)`);
    const runs: Array<{ query: string; ms: number; total: number; coreMs: number }> = [];
    for (const query of queries) {
      const t = performance.now();
      const result = await core['search.query']({ query });
      runs.push({ query, ms: performance.now() - t, total: result.total, coreMs: result.elapsedMs });
    }
    return { readyMs, runs };
  } finally {
    await core.close();
  }
});
