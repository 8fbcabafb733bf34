/**
 * `npm run eval -- ../shared/corpus/outcomes [--missed] [--shape=SHAPE] [--json]`: how many annotated
 * numeric evidence spans the outcome finder covers, and how many suggestions it makes per article;
 * `--shape=comparison` lists every suggestion of that shape, to read them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatReport, measureCoverage } from './coverage.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const dir = args.find((a) => !a.startsWith('--'));
const listShape = [...flags].find((f) => f.startsWith('--shape='))?.slice('--shape='.length);
const unknown = [...flags].filter((f) => f !== '--missed' && f !== '--json' && !f.startsWith('--shape='));
if (!dir || unknown.length > 0) {
  console.error('usage: npm run eval -- CORPUS_DIR [--missed] [--shape=SHAPE] [--json]   (e.g. ../shared/corpus/outcomes)');
  process.exit(2);
}
const corpus = path.resolve(dir);
if (!existsSync(path.join(corpus, 'labels.json'))) {
  console.error(`no labels.json in ${corpus}`);
  process.exit(2);
}
const report = await measureCoverage(corpus, { listShape });
if (flags.has('--json')) {
  const { missed, ...rest } = report;
  console.log(JSON.stringify(flags.has('--missed') ? report : { ...rest, missed: missed.length }, null, 2));
} else {
  console.log(formatReport(report, { missed: flags.has('--missed'), listed: listShape !== undefined }));
}
