// The outcome finder's stated comparisons (shared/extraction/outcomes/comparisons.ts): results written
// without their numbers, shape 'comparison'. Every text here is written for the test.
import { describe, expect, it } from 'vitest';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';
import { OutcomeSuggestion } from '../../shared/model/index.js';

const ID = '0123456789abcdef';
const comparisons = (text: string) => findOutcomes(ID, text).filter((s) => s.shape === 'comparison');
const row = (s: OutcomeSuggestion) => [s.quote.exact, s.measure, s.outcome];

describe('stated comparisons', () => {
  it.each([
    [
      'Over 12 months, there were no significant differences in fasting glucose, insulin, or HOMA-IR between the yoga and control groups.',
      'no significant differences in fasting glucose, insulin, or HOMA-IR between the yoga and control groups',
      'no difference',
      'fasting glucose, insulin, or HOMA-IR',
    ],
    ['Pain scores did not differ between the treatment arms at week 8.', 'Pain scores did not differ between the treatment arms at week 8', 'no difference', 'Pain scores'],
    ['Serum ferritin was not significantly different between the two groups.', 'Serum ferritin was not significantly different between the two groups', 'no difference', 'Serum ferritin'],
    ['There were no statistically significant changes in platelet counts in treated patients compared with placebo.', 'no statistically significant changes in platelet counts in treated patients compared with placebo', 'no difference', 'platelet counts'],
    ['There was no difference in the rate of relapse in either phase of the study.', 'no difference in the rate of relapse in either phase of the study', 'no difference', 'rate of relapse'],
    ['Sleep quality scores were similar between the melatonin and placebo groups.', 'Sleep quality scores were similar between the melatonin and placebo groups', 'similar', 'Sleep quality scores'],
    ['The new varnish exhibited a similar behaviour to the reference sealant.', 'The new varnish exhibited a similar behaviour to the reference sealant', 'similar', 'new varnish'],
    ['Length of stay was significantly shorter in the early mobilisation group than in the usual care group.', 'Length of stay was significantly shorter in the early mobilisation group than in the usual care group', 'lower', 'Length of stay'],
    ['Grip strength was significantly greater with the exercise programme compared with usual care.', 'Grip strength was significantly greater with the exercise programme compared with usual care', 'higher', 'Grip strength'],
    ['Rescue inhaler use was significantly reduced in the budesonide group versus placebo.', 'Rescue inhaler use was significantly reduced in the budesonide group versus placebo', 'decrease', 'Rescue inhaler use'],
    ['There was a significant increase in HDL cholesterol in the low-fat group, which persisted to the end of the trial.', 'a significant increase in HDL cholesterol in the low-fat group', 'increase', 'HDL cholesterol'],
    ['A significant decrease was noted in resting heart rate after training.', 'A significant decrease was noted in resting heart rate after training', 'decrease', 'resting heart rate'],
    ['The intervention produced a significant improvement in quality of life scores.', 'a significant improvement in quality of life scores', 'increase', 'quality of life scores'],
  ])('%s', (text, quote, measure, outcome) => {
    const found = comparisons(text);
    expect(found.map(row)).toEqual([[quote, measure, outcome]]);
    const s = found[0]!;
    expect(OutcomeSuggestion.parse(s)).toEqual(s);
    expect(s.key).toBe(`comparison:${s.quote.start}:${s.quote.end}`);
    expect(text.slice(s.quote.start, s.quote.end)).toBe(s.quote.exact);
    expect([s.value, s.ciLow, s.ciHigh, s.p, s.n, s.events, s.sd, s.unit]).toEqual([null, null, null, null, null, null, null, '']);
  });

  it('guesses the arms and the time point of the clause', () => {
    const [s] = comparisons('Over 12 months, there were no significant differences in total cholesterol between the ketogenic group and the placebo group.');
    expect([s!.arm, s!.timepoint]).toEqual(['ketogenic vs placebo', '12 months']);
    const [t] = comparisons('Blood pressure was similar between the groups at baseline and did not change over the 6-month period.');
    expect(row(t!)).toEqual(['did not change over the 6-month period', 'no difference', 'Blood pressure']);
    expect(t!.timepoint).toBe('6 months');
  });

  it('keeps the quote to the comparative clause, and two results only across a contrast', () => {
    const text = 'There was no significant difference in weight between the groups, but waist circumference was significantly lower in the diet group than in the control group.';
    expect(comparisons(text).map((s) => [s.quote.exact, s.measure])).toEqual([
      ['no significant difference in weight between the groups', 'no difference'],
      ['waist circumference was significantly lower in the diet group than in the control group', 'lower'],
    ]);
    expect(comparisons('There was no difference in mortality and no difference in length of stay between the groups.')).toHaveLength(1);
    const long = `There were no significant differences in ${Array.from({ length: 30 }, (_, i) => `marker ${String.fromCharCode(65 + (i % 26))}`).join(', ')} between the groups.`;
    expect(comparisons(long)[0]!.quote.exact.length).toBeLessThanOrEqual(200);
  });

  it('finds comparisons in a text without any digit', () => {
    expect(comparisons('Anxiety scores did not differ between groups.').map(row)).toEqual([['Anxiety scores did not differ between groups', 'no difference', 'Anxiety scores']]);
  });
});

describe('not a stated result', () => {
  it.each([
    ['an aim', 'The aim of this trial was to test whether pain scores differed between the groups and whether there was no difference in sleep.'],
    ['a hypothesis', 'We hypothesised that the exercise group would have significantly lower blood pressure than the control group.'],
    ['a power calculation', 'The study was designed to detect a significant reduction in relapse rate compared with placebo.'],
    ['an expectation', 'Placebo was expected to have no effect on trough FEV1.'],
    ['a question', 'Were pain scores significantly lower in the ketamine group than in the control group?'],
    ['baseline similarity', 'Baseline characteristics were similar between the two groups.'],
    ['baseline similarity at baseline', 'Systolic blood pressure was similar between the groups at baseline.'],
    ['baseline differences', 'There were no significant differences in age, sex or body mass index between the groups.'],
    ['another study', 'Smith et al. found no significant difference in pain between the groups.'],
    ['a cited study', 'Previous trials reported significantly lower mortality with early surgery [12].'],
    ['completers and dropouts', 'There were no statistically significant differences between patients who completed the study and those who dropped out.'],
    ['a transitive "did not change"', 'Patients did not change their medication during the study.'],
    ['no comparator', 'Scores were significantly higher.'],
    ['a reference line', 'Smith J, Doe A. No significant difference in outcomes between groups. N Engl J Med 2019;380:1200-9.'],
  ])('%s', (_label, text) => {
    expect(comparisons(text).map(row)).toEqual([]);
  });

  it('adds no comparison to a sentence that already carries a number suggestion', () => {
    const found = findOutcomes(ID, 'HbA1c was significantly lower in the diet group than in the control group (p = 0.03).');
    expect(found.map((s) => s.shape)).toEqual(['p-value']);
    expect(comparisons('There was no significant difference in weight between groups (−0.4 kg, 95% CI −1.2 to 0.4).')).toEqual([]);
  });
});
