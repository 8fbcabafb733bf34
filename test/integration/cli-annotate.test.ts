/**
 * `evidentia annotate` then `evidentia annotations` in a new process: the annotation is stored with
 * its W3C selectors, found by exact or normalised quote, and refused when ambiguous or malformed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, runOk, tempDir, TRIAL_TEXT, writeFixtures } from './cli-run.js';

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface Annotation {
  id: string;
  articleId: string;
  reviewer: string;
  target: { source: string; selector: Selector[] };
  body: { type: string; fields?: Record<string, string>; text?: string; kind?: string; links?: string[] };
  anchor: { status: string; start?: number; end?: number };
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let review: string;
let trialId: string;

beforeAll(async () => {
  tmp = await tempDir();
  const files = await writeFixtures(tmp.path);
  review = join(tmp.path, 'review');
  await runOk(['init', review]);
  const report = JSON.parse((await runOk(['import', review, files.txt, files.md, '--json'])).stdout) as {
    results: Array<{ articleId: string }>;
  };
  trialId = report.results[0]!.articleId;
});
afterAll(() => tmp.remove());

const QUOTE = '-9.36 (95% CI -12.52 to -6.19)';

describe('evidentia annotate / annotations', () => {
  let created: Annotation;

  it('annotates an outcome and prints it as JSON', async () => {
    const run = await runOk([
      'annotate', review, trialId, `--quote=${QUOTE}`, '--type', 'outcome',
      '--field', 'value=-9.36', '--field', 'ci_low=-12.52', '--field', 'timepoint=week 16', '--reviewer', 'anna', '--json',
    ]);
    created = JSON.parse(run.stdout) as Annotation;
    expect(created.body.fields?.value).toBe('-9.36');
    expect(created.body.fields?.timepoint).toBe('week 16');
    expect(created.reviewer).toBe('anna');
  });

  it('a new process lists it with TextQuoteSelector and TextPositionSelector', async () => {
    const list = JSON.parse((await runOk(['annotations', review, '--json'])).stdout) as Annotation[];
    expect(list).toHaveLength(1);
    const a = list[0]!;
    expect(a.id).toBe(created.id);
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    const start = TRIAL_TEXT.indexOf(QUOTE);
    expect(quote.exact).toBe(QUOTE);
    expect(TRIAL_TEXT.slice(0, start).endsWith(quote.prefix!)).toBe(true);
    expect(quote.prefix!.length).toBeGreaterThan(0);
    expect(TRIAL_TEXT.slice(start + QUOTE.length).startsWith(quote.suffix!)).toBe(true);
    expect(position).toMatchObject({ start, end: start + QUOTE.length });
    expect(a.anchor.status).toBe('exact');
    expect(a.body.fields?.value).toBe('-9.36');
  });

  it('the plain listing shows one line per annotation; --article filters', async () => {
    const run = await runOk(['annotations', review, '--article', trialId]);
    expect(run.stdout).toContain(created.id);
    expect(run.stdout).toContain('value=-9.36');
    const other = JSON.parse((await runOk(['list', review, '--json'])).stdout) as Array<{ id: string }>;
    const mdId = other.find((a) => a.id !== trialId)!.id;
    expect(JSON.parse((await runOk(['annotations', review, '--article', mdId, '--json'])).stdout)).toEqual([]);
  });

  it('finds a quote typed with other whitespace and a Unicode minus', async () => {
    const run = await runOk(['annotate', review, trialId, '--quote=\u22129.36   (95% CI\n\u221212.52', '--type', 'note', '--json']);
    const a = JSON.parse(run.stdout) as Annotation;
    expect(a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe('-9.36 (95% CI -12.52');
    expect(a.body).toEqual({ type: 'note', text: '\u22129.36   (95% CI\n\u221212.52' });
  });

  it('takes a quote and field values that start with a minus sign, as typed', async () => {
    const { stdout } = await runOk(['annotate', review, trialId, '--quote', '-1.16 with placebo', '--type', 'outcome', '--field', 'value=-1.16', '--json']);
    const created = JSON.parse(stdout) as Annotation;
    expect(created.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe('-1.16 with placebo');
    expect(created.body.fields?.value).toBe('-1.16');
    // A forgotten value before another option is still an error, not swallowed as the quote.
    const forgot = await runCli(['annotate', review, trialId, '--quote', '--type', 'outcome']);
    expect(forgot.code).toBe(2);
  });

  it('refuses an ambiguous quote, and --occurrence picks one', async () => {
    const run = await runCli(['annotate', review, trialId, '--quote', 'Adverse events', '--type', 'note']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^evidentia: the quote occurs 2 times .*longer quote.*--occurrence/);
    const second = await runOk(['annotate', review, trialId, '--quote', 'Adverse events', '--type', 'note', '--occurrence', '2', '--json']);
    const pos = (JSON.parse(second.stdout) as Annotation).target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(pos?.start).toBe(TRIAL_TEXT.lastIndexOf('Adverse events'));
  });

  it('links a discrepancy to other annotations', async () => {
    const run = await runOk([
      'annotate', review, trialId, '--quote', 'Responders: 79% versus 44%', '--type', 'discrepancy',
      '--field', 'kind=value', '--field', `links=${created.id}`, '--json',
    ]);
    expect((JSON.parse(run.stdout) as Annotation).body).toMatchObject({ type: 'discrepancy', kind: 'value', links: [created.id] });
  });

  it('user errors: one line on stderr, right exit code, no stack trace', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['annotate', review, trialId, '--quote', 'week 16', '--type', 'outcome', '--field', 'pvalue=0.01'], 2, /"pvalue" is not an outcome-level field of "Trial outcomes"/],
      [['annotate', review, trialId, '--quote', 'week 16', '--type', 'table'], 2, /--type "table"/],
      [['annotate', review, trialId, '--type', 'note'], 2, /--quote/],
      [['annotate', review, trialId, '--quote', 'not in this article', '--type', 'note'], 1, /not found/],
      [['annotate', review, '0000000000000000', '--quote', 'x', '--type', 'note'], 1, /./],
      [['annotate', review, 'not-an-id', '--quote', 'x', '--type', 'note'], 2, /article id/],
      [['annotate', review, trialId, '--quote', 'week 16', '--type', 'note', '--reviewer', 'Bad Name'], 2, /reviewer/],
      [['annotate', review, trialId, '--quote', 'week 16', '--type', 'discrepancy', '--field', 'links=nope'], 2, /./],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(args);
      expect({ args, code: run.code }).toEqual({ args, code });
      expect(run.stderr).toMatch(/^evidentia: [^\n]+\n$/);
      expect(run.stderr).toMatch(message);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    // Nothing was written by the refused calls: only the five annotations the tests above made.
    expect(JSON.parse((await runOk(['annotations', review, '--json'])).stdout)).toHaveLength(5);
  });
});
