/**
 * save_p50 / save_p99: in the big review, open articles as the reader does (the article, then its
 * annotations), then save new annotations on each, one awaited annotations.create at a time: the
 * latency a person waits between "Save" and the record being on disk.
 */
import { openReview } from '../../electron/core/index.js';
import type { AnnotationBody } from '../../shared/model/index.js';
import { sentenceSpan } from './bodies.js';
import { progress, readInput, runProbe, searchIndexReady } from './probe-common.js';
import { Rng } from './prng.js';

interface Input {
  dir: string;
  articleIds: string[];
  perArticle: number;
  seed: number;
}

/** A few words, or a sentence: the spans people select. */
function span(text: string, rng: Rng): [number, number] {
  if (rng.chance(0.5)) return sentenceSpan(text, rng);
  const start = Math.max(0, text.indexOf(' ', rng.int(0, Math.max(0, text.length - 60))) + 1);
  const end = Math.min(text.length, start + rng.int(3, 50));
  return end > start && text.slice(start, end).trim() !== '' ? [start, end] : [0, Math.min(text.length, 20)];
}

function body(rng: Rng, exact: string): AnnotationBody {
  if (rng.chance(0.7)) {
    return {
      type: 'outcome',
      template: { id: 'trial-outcomes', version: 1 },
      fields: { outcome: 'benchmark outcome', arm: rng.pick(['treatment', 'placebo', 'treatment vs placebo']), timepoint: 'week 12', value: rng.fixed(-20, 20, 2).toString(), n: String(rng.int(10, 900)) },
      status: 'in-progress',
      tags: [],
    };
  }
  return { type: 'note', text: `Check: ${exact.slice(0, 80)}` };
}

await runProbe(async () => {
  const input = readInput<Input>();
  const rng = Rng.of(input.seed, 0x5a7e);
  const core = await openReview(input.dir);
  try {
    await core['articles.list']({});
    // Saves are timed once the review's one-off background work after opening (loading the search
    // index, checking the catalogue) is done: the steady state a person works in.
    await searchIndexReady(core);
    await core.settled();
    const latencies: number[] = [];
    for (const [k, articleId] of input.articleIds.entries()) {
      const article = await core['articles.get']({ id: articleId });
      const existing = await core['annotations.list']({ articleId });
      const before = existing.length;
      for (let j = 0; j < input.perArticle; j++) {
        // The reviewer of a random existing annotation: saves land in shards as big as real ones.
        const reviewer = existing.length > 0 ? rng.pick(existing).reviewer : 'alice';
        const [start, end] = span(article.text, rng);
        const exact = article.text.slice(start, end);
        const t = performance.now();
        await core['annotations.create']({ articleId, start, end, exact, body: body(rng, exact), reviewer });
        latencies.push(performance.now() - t);
      }
      const after = (await core['annotations.list']({ articleId })).length;
      if (after !== before + input.perArticle) throw new Error(`article ${articleId}: ${after} annotations after ${input.perArticle} saves on ${before}`);
      if ((k + 1) % 5 === 0) progress(`saved on ${k + 1}/${input.articleIds.length} articles`);
    }
    return { latencies };
  } finally {
    await core.close();
  }
});
