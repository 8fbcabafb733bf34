/**
 * Builds a cached benchmark review: generate it, then open it once as the app would (list the
 * articles, wait for the search index and the orphan counts), so derived indexes exist on disk
 * before any measurement and every run starts from a settled review.
 */
import { openReview } from '../../electron/core/index.js';
import { generateReview } from './generate.js';
import { progress, readInput, runProbe, searchIndexReady } from './probe-common.js';

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
      await searchIndexReady(core);
      searchReadyMs = performance.now() - started;
    } catch (error) {
      searchNote = error instanceof Error ? error.message : String(error);
      progress(`search index not ready: ${searchNote}`);
    }
    await core.settled();
    progress(`orphan counts settled ${((performance.now() - started) / 1000).toFixed(1)} s after opening`);
    return { summary, listed: list.length, listMs, searchReadyMs, searchNote };
  } finally {
    await core.close();
  }
});
