/**
 * The search benchmark's queries (seeded) and the plain-scan baseline: the same queries answered by
 * grep over the review's article files, with no index. A query's words must all occur (case
 * insensitive); grep -F matches substrings, so a last word typed halfway (a prefix) also matches.
 */
import { spawn } from 'node:child_process';
import { Rng } from './prng.js';
import { COMMON_WORDS, DRUGS, MEDICAL_TERMS, OUTCOMES } from './vocab.js';

const PHRASES = [
  'mean change baseline', 'hazard ratio mortality', 'serious adverse events', 'confidence interval difference',
  'randomised double-blind trial', 'primary outcome week', 'intention-to-treat multiple imputation', 'quality of life',
];

/** 60 queries: rare words, common words, two words, 3–5 letter prefixes, three-word phrases. */
export function makeQueries(seed: number, rareTerms: readonly string[]): string[] {
  const rng = Rng.of(seed, 0x5ea7c4);
  const content = COMMON_WORDS.filter((w) => w.length > 4);
  const rare = [...new Set(rareTerms)];
  const queries: string[] = [];
  for (let i = 0; i < 15; i++) queries.push(rare.length > 0 ? rng.pick(rare) : rng.pick(MEDICAL_TERMS));
  for (let i = 0; i < 15; i++) queries.push(rng.pick([...content, ...MEDICAL_TERMS.slice(0, 40)]));
  for (let i = 0; i < 10; i++) queries.push(`${rng.pick(DRUGS)} ${rng.pick(MEDICAL_TERMS)}`);
  for (let i = 0; i < 10; i++) {
    const word = rng.pick([...MEDICAL_TERMS, ...DRUGS].filter((w) => /^[a-z]{6,}$/.test(w)));
    queries.push(word.slice(0, rng.int(3, 5)));
  }
  for (let i = 0; i < 10; i++) queries.push(rng.chance(0.5) ? rng.pick(PHRASES) : rng.pick(OUTCOMES).name.split(' ').slice(0, 3).join(' '));
  return queries;
}

/** Words of a query as the scan uses them (all must match). */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * One query as a plain scan: grep -rliF for the first word over articles/, then each further word
 * over the files that matched so far. LC_ALL=C keeps grep on its fastest path (queries are ASCII).
 */
export function grepScan(articlesDir: string, query: string): Promise<{ ms: number; files: number }> {
  const words = queryWords(query);
  let script = 'grep -rliF -e "$1" "$0"';
  for (let k = 2; k <= words.length; k++) script += ` | xargs -r grep -liF -e "$${k}"`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', ['-c', script, articlesDir, ...words], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      // grep exits 1 when nothing matched: that is an answer, not a failure.
      if (code !== 0 && code !== 1 && code !== 123) reject(new Error(`grep failed (${code}): ${err.trim()}`));
      else resolve({ ms, files: out.split('\n').filter(Boolean).length });
    });
  });
}
