/**
 * Issue 4's "done when" with the reference case, as a new user would try it: `evidentia check` on
 * the two seed articles (real importers, the bundled CLI) suggests the reported outcome values of
 * both, flags the journal named in the first text against its own reference, and the journal, year
 * and lead-author conflicts between the two, each with both quotes; the project's agreeing control
 * pair yields no discrepancy. Skips (saying why) when ../shared/seeds is not beside the checkout.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/model/index.js';
import { runCli, runOk, tempDir } from './cli-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seeds = path.resolve(here, '../../../shared/seeds');
const present = existsSync(seeds);
if (!present) console.log(`[seeds-check] skipped: ${seeds} is not present (it sits beside the checkout on the team's machines).`);

describe.skipIf(!present)('evidentia check on the reference case', () => {
  let dir: { path: string; remove(): Promise<void> };
  let report: CheckReport;
  let lancet: string;
  let nejm: string;

  beforeAll(async () => {
    dir = await tempDir('evidentia-seeds-check-');
    const review = path.join(dir.path, 'review');
    await runOk(['init', review]);
    // The whole folder, as a new user would (its README.md becomes a third article).
    const imported = JSON.parse((await runOk(['import', review, seeds, '--json'])).stdout) as { results: Array<{ source: string; articleId: string }> };
    lancet = imported.results.find((r) => r.source.includes('000_'))!.articleId;
    nejm = imported.results.find((r) => r.source.includes('001_'))!.articleId;
    report = JSON.parse((await runOk(['check', review, '--json'])).stdout) as CheckReport;
    const human = await runCli(['check', review]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^checked \d+ article\(s\): \d+ outcome suggestion\(s\), \d+ discrepancy suggestion\(s\) \(0 new, \d+ known before\)/);
  });
  afterAll(async () => dir?.remove());

  it('suggests the reported outcome values of both texts', () => {
    const of = (id: string) => report.outcomes.filter((o) => o.articleId === id);
    const first = of(lancet);
    expect(first.find((o) => o.value === -9.36)).toMatchObject({ shape: 'estimate-ci', ciLow: -12.52, ciHigh: -6.19 });
    expect(first.find((o) => o.value === -1.16)).toMatchObject({ ciLow: -3.32, ciHigh: 0.99 });
    expect(first.some((o) => o.p === '<0.0001')).toBe(true);
    const second = of(nejm).filter((o) => o.shape === 'percentage').map((o) => o.value);
    for (const percent of [79, 44, 68, 23, 32]) expect(second).toContain(percent);
    for (const o of report.outcomes) expect(o.quote.exact.length).toBeGreaterThan(0);
  });

  it('groups the two as one study and flags the journal conflict inside the first text', () => {
    expect(report.studies).toEqual([expect.objectContaining({ articleIds: expect.arrayContaining([lancet, nejm]) })]);
    const within = report.discrepancies.filter((d) => d.kind === 'journal-vs-reference');
    expect(within).toHaveLength(1);
    expect(within[0]!.quotes.every((q) => q.articleId === lancet)).toBe(true);
    expect(within[0]!.quotes.map((q) => q.exact).join(' | ')).toMatch(/Lancet.*\|.*EClinicalMedicine/);
  });

  it('flags journal, year and lead author between the two, each with a quote from each', () => {
    for (const [kind, a, b] of [
      ['journal', /Lancet/, /New England Journal of Medicine|N Engl J Med/],
      ['year', /2023/, /2022/],
      ['lead-author', /Werth/, /Aggarwal/],
    ] as const) {
      const found = report.discrepancies.filter((d) => d.kind === kind);
      expect(found, kind).toHaveLength(1);
      const quotes = found[0]!.quotes;
      expect(quotes.find((q) => q.articleId === lancet)?.exact, kind).toMatch(a);
      expect(quotes.find((q) => q.articleId === nejm)?.exact, kind).toMatch(b);
      expect(found[0]!.explanation, kind).toMatch(/\w+ .* \w+/);
    }
  });

  it('the agreeing control pair written for the tests yields no discrepancy', async () => {
    const review = path.join(dir.path, 'control');
    await runOk(['init', review]);
    await runOk(['import', review, path.join(here, '../fixtures/texts/beta-smith-a.txt'), path.join(here, '../fixtures/texts/beta-smith-b.txt')]);
    const control = JSON.parse((await runOk(['check', review, '--json', '--dry-run'])).stdout) as CheckReport;
    expect(control.studies).toHaveLength(1);
    expect(control.discrepancies).toEqual([]);
    expect(control.stored).toEqual({ added: 0, known: 0 });
  });
});
