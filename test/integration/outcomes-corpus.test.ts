// Coverage of the outcome finder on the Evidence Inference corpus (test/eval/coverage.ts). The corpus
// lives beside the repository (../shared/corpus/outcomes); without it the test is skipped.
//
// The metric (the issue's) counts every distinct annotated evidence span whose text contains a digit.
// About one in ten of those states a result without its values ("no significant differences in total
// cholesterol … between dietary groups", "did not change over the 12-month period"): its only digits are
// a time point, part of a name ("A1C", "HADS-A") or a concentration ("2% CHX"). The stated-comparison
// finder (shape 'comparison') suggests those; `npm run eval -- ../shared/corpus/outcomes --missed
// --shape=comparison` lists them and whatever is still missed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, measureCoverage } from '../eval/coverage.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/outcomes');
const present = existsSync(path.join(corpus, 'labels.json'));
if (!present) console.log(`outcomes corpus: skipped — ${corpus} is absent (it is shared beside the checkout, not part of the repository).`);

describe.skipIf(!present)('outcome finder on the evidence-inference corpus', () => {
  it('covers the numeric evidence without flooding the reviewer', async () => {
    const report = await measureCoverage(corpus);
    console.log(formatReport(report, { missed: true }));
    expect(report.articles.length).toBe(20);
    expect(report.total).toBeGreaterThan(100);
    // every miss is evidence that writes no estimate: no decimal number, no p-value, no ±
    for (const m of report.missed) expect(m.text, m.text).not.toMatch(/\d[.,·]\d|\b[Pp] ?[<=>≤≥]|±/);
    expect(report.coverage).toBeGreaterThanOrEqual(0.95);
    // the control: suggestions sit on the evidence, not all over the text
    expect(report.quotedShare).toBeLessThan(0.15);
    expect(report.coverage - report.chanceCoverage).toBeGreaterThan(0.5);
    // a reviewer reads every suggestion: bounded per article and per 1,000 characters
    expect(report.meanSuggestionsPerArticle).toBeLessThan(150);
    expect(report.maxSuggestionsPerArticle).toBeLessThan(450);
    expect(report.suggestionsPerKChar).toBeLessThan(6);
    // stated comparisons are a few per article, not one per "significant"
    const comparisons = report.byShape.comparison ?? 0;
    console.log(`comparison suggestions: ${comparisons} (${(comparisons / report.articles.length).toFixed(1)} per article)`);
    expect(comparisons).toBeGreaterThan(20);
    expect(comparisons / report.articles.length).toBeLessThan(8);
  });
});
