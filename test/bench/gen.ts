/**
 * npm run gen -- DIR --articles N --annotations M [--seed S]
 *
 * Writes a synthetic review into DIR (new or empty), prints what it wrote, then opens it once with
 * openReview and lists its articles, which builds the derived indexes and proves the review opens.
 */
import { openReview } from '../../electron/core/index.js';
import { searchIndexReady } from './probe-common.js';
import { parseArgs } from './args.js';
import { describeSummary } from './gen-summary.js';
import { generateReview } from './generate.js';

const USAGE = 'usage: npm run gen -- DIR --articles N --annotations M [--seed S]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['articles', 'annotations', 'seed'], []);
  const dir = args.positional[0];
  if (!dir || args.positional.length > 1 || args.values.articles === undefined || args.values.annotations === undefined) {
    console.error(USAGE);
    return 2;
  }
  const options = {
    articles: args.int('articles'),
    annotations: args.int('annotations'),
    seed: args.values.seed === undefined ? 1 : args.int('seed'),
    log: (line: string) => console.error(line),
  };
  console.error(`generating ${options.articles} articles / ${options.annotations} annotations (seed ${options.seed}) into ${dir}`);
  const summary = await generateReview(dir, options);
  for (const line of describeSummary(summary)) console.log(line);

  const started = performance.now();
  const core = await openReview(dir);
  try {
    const list = await core['articles.list']({});
    const counted = list.reduce((sum, a) => sum + a.annotationCount, 0);
    const orphans = list.reduce((sum, a) => sum + a.orphanCount, 0);
    console.log(`opened       ${list.length} articles listed, ${counted} annotations counted, ${orphans} orphans (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (list.length !== summary.articles) {
      console.error(`error: the review lists ${list.length} articles, ${summary.articles} were written`);
      return 1;
    }
    // Build the search index and settle the orphan counts now, so the review is saved with them
    // (close() writes both): every later open, and every benchmark run on a copy, starts settled.
    const indexStarted = performance.now();
    await searchIndexReady(core);
    await core.settled();
    console.log(`indexed      search index of ${list.length} articles built, orphan counts settled (${((performance.now() - indexStarted) / 1000).toFixed(1)} s)`);
  } finally {
    await core.close();
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
