/**
 * A big review made fast, for the sheet's scale test: small text articles imported through the
 * core, then their annotation shards written directly as JSON — `perArticle` outcome records per
 * article (varied outcomes, values, reviewers, statuses, tags), each quoting a sentence that really
 * is in the article's text, with the selectors the core itself would make.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReview } from '../../../electron/core/index.js';
import { describe as describeSpan } from '../../../shared/anchoring/selectors.js';
import type { Annotation, AnnotationFile, RecordStatus } from '../../../shared/model/index';

export const BIG_OUTCOMES = [
  'CDASI-A change',
  'Responders',
  'Mortality',
  'Serious adverse events',
  'MMT-8 change',
  'Œdème résiduel',
  'HAQ-DI change',
  'Creatine kinase',
  'Quality of life',
  'Relapse',
  'Hospital stay',
  'Treatment failure',
];
const ARMS = ['IVIg', 'Placebo', 'IVIg vs placebo'];
const MEASURES = ['mean', 'mean difference', '%', 'HR'];
const STATUSES: RecordStatus[] = ['in-progress', 'complete', 'verified'];
const SENTENCES_PER_ARTICLE = 20;

export interface BigReviewOptions {
  articles: number;
  perArticle: number;
}

export interface BigReview {
  articleIds: string[];
  records: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function articleText(i: number): { text: string; sentences: string[] } {
  const sentences = Array.from(
    { length: SENTENCES_PER_ARTICLE },
    (_, k) => `In trial ${pad(i, 4)}, finding ${k + 1} was ${((i * 13 + k * 7) % 90) + 5}% at week ${4 + (k % 6) * 4}.`,
  );
  return { text: `Scale trial ${pad(i, 4)} of immunoglobulin\n\n${sentences.join(' ')}\n`, sentences };
}

/** A value spread over negatives, decimals and hundreds, so numeric and text order differ. */
export function bigValue(i: number, j: number): string {
  return String((((i * 7919 + j * 104_729) % 40_000) - 20_000) / 10);
}

function record(i: number, j: number, articleId: string, sourceHash: string, text: string, sentences: string[], reviewer: string): Annotation {
  const sentence = sentences[j % SENTENCES_PER_ARTICLE]!;
  const start = text.indexOf(sentence);
  const time = new Date(Date.UTC(2024, 0, 1) + i * 1_000_000 + j * 1000).toISOString();
  const fields: Record<string, string> = {
    outcome: BIG_OUTCOMES[(i * 7 + j) % BIG_OUTCOMES.length]!,
    arm: ARMS[j % ARMS.length]!,
    timepoint: `week ${4 + (j % 6) * 4}`,
    measure: MEASURES[j % MEASURES.length]!,
    n: String(20 + ((i + j) % 180)),
    p_value: j % 4 === 0 ? '<0.001' : `0.${pad((i + j) % 99, 2)}`,
  };
  if (j % 50 !== 7) fields.value = bigValue(i, j); // a few records miss a required value
  return {
    id: `r${pad(i, 4)}-${pad(j, 4)}`,
    articleId,
    reviewer,
    target: { source: articleId, sourceHash, selector: describeSpan(text, start, start + sentence.length, []) },
    body: {
      type: 'outcome',
      template: { id: 'trial-outcomes', version: 1 },
      fields,
      status: STATUSES[(i + j) % STATUSES.length]!,
      tags: j % 10 === 0 ? ['primary'] : j % 17 === 0 ? ['check'] : [],
    },
    created: time,
    updated: time,
  };
}

/** Fills the (already created) review in `reviewDir`; the core is closed again before returning. */
export async function writeBigReview(reviewDir: string, options: BigReviewOptions): Promise<BigReview> {
  const core = await openReview(reviewDir);
  const articleIds: string[] = [];
  try {
    const texts = Array.from({ length: options.articles }, (_, i) => articleText(i));
    for (let from = 0; from < texts.length; from += 250) {
      const files = texts.slice(from, from + 250).map(({ text }, k) => ({ fileName: `scale-${pad(from + k, 4)}.txt`, base64: Buffer.from(text).toString('base64') }));
      const report = await core['articles.import']({ files });
      for (const r of report.results) {
        if (!r.articleId) throw new Error(`big review: ${r.source} was not imported: ${r.error?.message}`);
        articleIds.push(r.articleId);
      }
    }
    for (const [i, articleId] of articleIds.entries()) {
      const article = await core['articles.get']({ id: articleId });
      const { sentences } = texts[i]!;
      const shards = new Map<string, AnnotationFile>();
      for (let j = 0; j < options.perArticle; j += 1) {
        const reviewer = j % 5 < 3 ? 'me' : 'ana';
        let shard = shards.get(reviewer);
        if (!shard) {
          shard = {
            schemaVersion: 2,
            articleId,
            reviewer,
            annotations: [],
            study: [{ template: { id: 'trial-outcomes', version: 1 }, fields: { design: 'Parallel RCT', sample_size: String(100 + i), population: `Adults, site ${i % 9}` }, updated: new Date(0).toISOString() }],
          };
          shards.set(reviewer, shard);
        }
        shard.annotations.push(record(i, j, articleId, article.source.sha256, article.text, sentences, reviewer));
      }
      const dir = join(reviewDir, 'annotations', articleId);
      mkdirSync(dir, { recursive: true });
      for (const [reviewer, shard] of shards) writeFileSync(join(dir, `${reviewer}.json`), JSON.stringify(shard));
    }
  } finally {
    await core.close();
  }
  return { articleIds, records: articleIds.length * options.perArticle };
}
