/**
 * open_article: in a freshly opened core (library listed first, as the UI does), open articles
 * with 200 annotations each: the article, then its annotations anchored. Each is opened once (cold).
 */
import { openReview } from '../../electron/core/index.js';
import { readInput, runProbe } from './probe-common.js';

await runProbe(async () => {
  const { dir, ids } = readInput<{ dir: string; ids: string[] }>();
  const core = await openReview(dir);
  try {
    await core['articles.list']({});
    const opened: Array<{ id: string; ms: number; annotations: number; exact: number; orphans: number }> = [];
    for (const id of ids) {
      const started = performance.now();
      await core['articles.get']({ id });
      const annotations = await core['annotations.list']({ articleId: id });
      const ms = performance.now() - started;
      opened.push({
        id,
        ms,
        annotations: annotations.length,
        exact: annotations.filter((a) => a.anchor.status === 'exact').length,
        orphans: annotations.filter((a) => a.anchor.status === 'orphan').length,
      });
    }
    return { opened };
  } finally {
    await core.close();
  }
});
