/**
 * `node build/run-ts.mjs test/eval/speed.ts ../shared/corpus/outcomes [RUNS]`: time of `findOutcomes`
 * per article of a corpus (median of RUNS runs after a warm-up, `performance.now()`), and the
 * corpus median scaled to a 30 KB article.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';

const [dir, runsArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node build/run-ts.mjs test/eval/speed.ts CORPUS_DIR [RUNS]');
  process.exit(2);
}
const runs = Math.max(1, Number(runsArg ?? 15));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
const texts = await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const));
for (const [, text] of texts) findOutcomes('0123456789abcdef', text); // warm-up: regex compilation, JIT
const per30k: number[] = [];
for (const [name, text] of texts) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    findOutcomes('0123456789abcdef', text);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  per30k.push((ms * 30_000) / text.length);
  console.log(`${name.padEnd(16)} ${String(text.length).padStart(7)} chars ${ms.toFixed(2).padStart(7)} ms`);
}
console.log(`median per 30 KB article: ${median(per30k).toFixed(2)} ms (${runs} runs each, ${texts.length} articles)`);
