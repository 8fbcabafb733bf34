/**
 * `npm run eval -- ../shared/corpus/outcomes [--missed] [--json]`: how many annotated numeric
 * evidence spans the outcome finder covers, and how many suggestions it makes per article.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatReport, measureCoverage } from './coverage.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const dir = args.find((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => f !== '--missed' && f !== '--json');
if (!dir || unknown.length > 0) {
  console.error('usage: npm run eval -- CORPUS_DIR [--missed] [--json]   (e.g. ../shared/corpus/outcomes)');
  process.exit(2);
}
const corpus = path.resolve(dir);
if (!existsSync(path.join(corpus, 'labels.json'))) {
  console.error(`no labels.json in ${corpus}`);
  process.exit(2);
}
const report = await measureCoverage(corpus);
if (flags.has('--json')) {
  const { missed, ...rest } = report;
  console.log(JSON.stringify(flags.has('--missed') ? report : { ...rest, missed: missed.length }, null, 2));
} else {
  console.log(formatReport(report, { missed: flags.has('--missed') }));
}
