import { describe, expect, it } from 'vitest';
import { runRules } from '../../shared/checks/index.js';
import { pSignificance } from '../../shared/checks/rules-arithmetic.js';
import { article, fact, ID, outcome } from './checks-builders.js';

const one = (text: string, outcomes: ReturnType<typeof outcome>[], facts: ReturnType<typeof fact>[] = []) => runRules([article(ID.a, text, { outcomes, facts })], []);

describe('n/N vs the stated percentage', () => {
  const count = (t: string, q: string, events: number, n: number, value: number) => outcome(ID.a, t, q, { shape: 'count', events, n, value, unit: '%' });

  it('flags 12/40 (31%) with both numbers, and not 12/40 (30%), 11/17 (65%) or 11/17 (64.7%)', () => {
    const t = 'Responses: 12/40 (31%) with drug.';
    const found = one(t, [count(t, '12/40 (31%)', 12, 40, 31)]);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([['percentage', 'medium']]);
    expect(found[0]!.explanation).toBe('12/40 is 30%, but the text gives 31%.');
    expect(found[0]!.quotes).toEqual([{ articleId: ID.a, start: 11, end: 22, exact: '12/40 (31%)' }]);
    expect(found[0]!.fingerprint).toBe(`percentage|${ID.a}|11-22`);
    expect(found[0]!.studyGroupId).toBeNull();

    const ok = 'A: 12/40 (30%). B: 11/17 (65%). C: 11/17 (64.7%).';
    expect(one(ok, [count(ok, '12/40 (30%)', 12, 40, 30), count(ok, '11/17 (65%)', 11, 17, 65), count(ok, '11/17 (64.7%)', 11, 17, 64.7)])).toEqual([]);
  });

  it('one decimal is held to 0.05: 2/3 (66.7%) passes, 2/3 (66.6%) is borderline (low), 2/3 (66.5%) is off', () => {
    const t = 'A: 2/3 (66.7%). B: 2/3 (66.6%). C: 2/3 (66.5%).';
    const found = one(t, [count(t, '2/3 (66.7%)', 2, 3, 66.7), count(t, '2/3 (66.6%)', 2, 3, 66.6), count(t, '2/3 (66.5%)', 2, 3, 66.5)]);
    expect(found.map((d) => [d.quotes[0]!.exact, d.severity])).toEqual([
      ['2/3 (66.6%)', 'low'],
      ['2/3 (66.5%)', 'medium'],
    ]);
  });
});

describe('arms that do not sum to the total', () => {
  const SENTENCE = 'The study enrolled 95 patients who were randomly assigned to receive either IVIg (47 patients) or a placebo (48 patients).';
  const arms = (t: string, x: string, y: string, nx: number, ny: number) => [
    outcome(ID.a, t, x, { shape: 'arm-size', n: nx, arm: 'IVIg' }),
    outcome(ID.a, t, y, { shape: 'arm-size', n: ny, arm: 'placebo' }),
  ];

  it('47 + 48 = 95 is fine; 47 + 49 against 95 is flagged with the total and both arms', () => {
    const t = SENTENCE;
    const total = outcome(ID.a, t, 'enrolled 95 patients', { shape: 'sample-size', n: 95 });
    expect(one(t, [total, ...arms(t, '47 patients', '48 patients', 47, 48)])).toEqual([]);

    const bad = t.replace('(48 patients)', '(49 patients)');
    const found = one(bad, [outcome(ID.a, bad, 'enrolled 95 patients', { shape: 'sample-size', n: 95 }), ...arms(bad, '47 patients', '49 patients', 47, 49)]);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([['arm-sum', 'medium']]);
    expect(found[0]!.quotes.map((q) => q.exact)).toEqual(['enrolled 95 patients', '47 patients', '49 patients']);
    expect(found[0]!.explanation).toBe('The arms add up to 47 + 49 = 96, but the total given is 95.');
  });

  it('takes the total from a sample-size fact of the same paragraph, not from another paragraph', () => {
    const t = 'The trial looked at 95 patients.\nAmong participants, 47 were placed in the IVIG group and 49 in the placebo group.';
    const facts = [fact(t, 'sample-size', '95', '95', { quote: 'looked at 95 patients' })];
    expect(one(t, arms(t, '47 were placed', '49 in the placebo', 47, 49), facts).map((d) => d.kind)).toEqual(['arm-sum']);
    const apart = t.replace('.\nAmong', '.\n\nAmong');
    const factsApart = [fact(apart, 'sample-size', '95', '95', { quote: 'looked at 95 patients' })];
    expect(one(apart, arms(apart, '47 were placed', '49 in the placebo', 47, 49), factsApart)).toEqual([]);
  });

  it('skips a lone arm, the same arm twice, and attrition sentences', () => {
    const t = 'Of 95 enrolled, 40 completed in the IVIg group and 41 in the placebo group.';
    const total = outcome(ID.a, t, '95 enrolled', { shape: 'sample-size', n: 95 });
    expect(one(t, [total, ...arms(t, '40 completed', '41 in the placebo', 40, 41)])).toEqual([]);
    const s = 'In all 95 patients, 47 got IVIg and 49 got IVIg again.';
    const sameArm = [outcome(ID.a, s, '47 got', { shape: 'arm-size', n: 47, arm: 'IVIg' }), outcome(ID.a, s, '49 got', { shape: 'arm-size', n: 49, arm: 'IVIg group' })];
    expect(one(s, [outcome(ID.a, s, '95 patients', { shape: 'sample-size', n: 95 }), ...sameArm])).toEqual([]);
    const lone = 'In all 95 patients, 47 got IVIg.';
    expect(one(lone, [outcome(ID.a, lone, '95 patients', { shape: 'sample-size', n: 95 }), outcome(ID.a, lone, '47 got', { shape: 'arm-size', n: 47, arm: 'IVIg' })])).toEqual([]);
  });
});

describe('estimate outside its own CI', () => {
  const est = (t: string, q: string, value: number, ciLow: number, ciHigh: number) => outcome(ID.a, t, q, { shape: 'estimate-ci', value, ciLow, ciHigh, measure: 'mean change' });

  it('flags 2.5 (0.61 to 0.90), not -9.36 (-12.52, -6.19) nor 0.905 (0.61 to 0.90) within rounding', () => {
    const t = 'HR 2.5 (0.61 to 0.90). Change -9.36 (-12.52, -6.19). HR 0.905 (0.61 to 0.90).';
    const found = one(t, [est(t, '2.5 (0.61 to 0.90)', 2.5, 0.61, 0.9), est(t, '-9.36 (-12.52, -6.19)', -9.36, -12.52, -6.19), est(t, '0.905 (0.61 to 0.90)', 0.905, 0.61, 0.9)]);
    expect(found.map((d) => [d.kind, d.severity, d.quotes[0]!.exact])).toEqual([['estimate-outside-ci', 'medium', '2.5 (0.61 to 0.90)']]);
    expect(found[0]!.explanation).toContain('2.5');
    expect(found[0]!.explanation).toContain('0.61 to 0.9');
  });
});

describe('CI vs p-value', () => {
  const ci = (t: string, q: string, measure: string, value: number, ciLow: number, ciHigh: number, p: string) => outcome(ID.a, t, q, { shape: 'estimate-ci', measure, value, ciLow, ciHigh, p });

  it('reads p-values as written', () => {
    expect(pSignificance('<0.0001')).toBe('significant');
    expect(pSignificance('0.03')).toBe('significant');
    expect(pSignificance('>0.05')).toBe('not significant');
    expect(pSignificance('0.12')).toBe('not significant');
    expect(pSignificance('0.05')).toBeNull();
    expect(pSignificance('<0.1')).toBeNull();
    expect(pSignificance('=0.049')).toBe('significant');
  });

  it('flags a ratio CI excluding 1 with p = 0.12, and a difference CI including 0 with p < 0.001', () => {
    const t = 'HR 0.74 (95% CI 0.61 to 0.90), p = 0.12. MD 1.2 (95% CI -0.5 to 2.9), p<0.001.';
    const found = one(t, [ci(t, 'HR 0.74 (95% CI 0.61 to 0.90), p = 0.12', 'HR', 0.74, 0.61, 0.9, '0.12'), ci(t, 'MD 1.2 (95% CI -0.5 to 2.9), p<0.001', 'MD', 1.2, -0.5, 2.9, '<0.001')]);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([
      ['ci-p-value', 'medium'],
      ['ci-p-value', 'medium'],
    ]);
    expect(found[0]!.explanation).toBe('The 95% CI 0.61 to 0.9 excludes 1, which means p < 0.05, but the text gives p = 0.12.');
    expect(found[1]!.explanation).toBe('The 95% CI -0.5 to 2.9 includes 0, which means p ≥ 0.05, but the text gives p < 0.001.');
  });

  it('leaves consistent pairs, boundaries within rounding, other measures and other CI levels alone', () => {
    const t = 'a. b. c. d. e. f.';
    const list = [
      ci(t, 'a.', 'HR', 0.74, 0.61, 0.9, '0.003'), // consistent
      ci(t, 'b.', 'OR', 1.3, 0.8, 2.1, '>0.05'), // consistent
      ci(t, 'c.', 'HR', 0.8, 0.64, 1.0, '0.12'), // upper bound at 1: boundary
      ci(t, 'd.', 'RR', 0.7, 0.5, 0.95, '0.05'), // p at 0.05: boundary
      ci(t, 'e.', 'mean change', -1.16, -3.32, 0.99, '<0.0001'), // no null value for a change within a group
      ci(t, 'f.', '', 2, 1.2, 3, '0.4'),
    ];
    expect(one(t, list)).toEqual([]);
    const level = 'HR 0.74 (90% CI 0.61 to 0.90), p = 0.12';
    expect(one(level, [ci(level, level, 'HR', 0.74, 0.61, 0.9, '0.12')])).toEqual([]);
  });
});

describe('fold change vs the two percentages', () => {
  const pct = (t: string, q: string, value: number) => outcome(ID.a, t, q, { value, unit: '%', measure: '%' });

  it('"30% vs 20%, a 3-fold increase" is flagged with the phrase and both percentages', () => {
    const t = 'Response was 30% with drug vs 20% with placebo, a 3-fold increase.';
    const found = one(t, [pct(t, '30%', 30), pct(t, '20%', 20)]);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([['fold-change', 'medium']]);
    expect(found[0]!.quotes.map((q) => q.exact)).toEqual(['30%', '20%', '3-fold']);
    expect(found[0]!.explanation).toBe('The text says "3-fold" for 30% against 20%, but 30% is 1.5 times 20%.');
  });

  it('"32% … vs 8%, a 4-fold increase", "68% vs 23%, three times", "nearly twice" and a single percentage pass', () => {
    const t1 = 'Major improvement was 32% in the IVIG group vs 8% with placebo, a 4-fold increase.';
    const t2 = 'Moderate improvement was 68% vs 23%, three times as many.';
    const t3 = 'Rates were 19% vs 11%, nearly twice as high.';
    const t4 = 'Major improvement according to TIS was 32% in the IVIG group, a 4-fold increase compared to placebo patients.';
    expect(one(t1, [pct(t1, '32%', 32), pct(t1, '8%', 8)])).toEqual([]);
    expect(one(t2, [pct(t2, '68%', 68), pct(t2, '23%', 23)])).toEqual([]);
    expect(one(t3, [pct(t3, '19%', 19), pct(t3, '11%', 11)])).toEqual([]);
    expect(one(t4, [pct(t4, '32%', 32)])).toEqual([]);
  });

  it('a factor just outside rounding is low; "more than 3-fold" accepts a larger ratio; "double-blind" is no factor', () => {
    const t = 'Rates were 22% vs 10%, a 3-fold difference.';
    expect(one(t, [pct(t, '22%', 22), pct(t, '10%', 10)]).map((d) => d.severity)).toEqual(['low']);
    // 25% vs 10% may be 2.5 before rounding: "3-fold" is within rounding.
    const round = 'Rates were 25% vs 10%, a 3-fold difference.';
    expect(one(round, [pct(round, '25%', 25), pct(round, '10%', 10)])).toEqual([]);
    const more = 'Rates were 50% vs 10%, more than 3-fold higher.';
    expect(one(more, [pct(more, '50%', 50), pct(more, '10%', 10)])).toEqual([]);
    const blind = 'In this double-blind trial, 30% vs 20% responded.';
    expect(one(blind, [pct(blind, '30%', 30), pct(blind, '20%', 20)])).toEqual([]);
  });
});

describe('fingerprints of arithmetic suggestions', () => {
  it('are stable across runs and independent of the order of the outcome list', () => {
    const t = 'A: 12/40 (31%). Response was 30% vs 20%, a 3-fold increase.';
    const list = [
      outcome(ID.a, t, '12/40 (31%)', { shape: 'count', events: 12, n: 40, value: 31, unit: '%' }),
      outcome(ID.a, t, '30%', { value: 30, unit: '%' }),
      outcome(ID.a, t, '20%', { value: 20, unit: '%' }),
    ];
    const first = one(t, list).map((d) => d.fingerprint);
    expect(first).toEqual([`percentage|${ID.a}|3-14`, `fold-change|${ID.a}|29-32|36-39|43-49`]);
    expect(one(t, [...list].reverse()).map((d) => d.fingerprint)).toEqual(first);
  });
});
