/** open_review: a fresh process opens the review and lists its articles; the parent times spawn → "listed". */
import { openReview } from '../../electron/core/index.js';
import { readInput, runProbe, signal } from './probe-common.js';

await runProbe(async () => {
  const { dir } = readInput<{ dir: string }>();
  const core = await openReview(dir);
  try {
    const list = await core['articles.list']({});
    signal('listed');
    return { articles: list.length, childMs: performance.now() };
  } finally {
    await core.close();
  }
});
