// The outcome finder's best guesses (outcome, arm, time point, measure) on a news-style text written for the test.
import { describe, expect, it } from 'vitest';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';

const text = [
  'A phase 3 trial of ginseng in chronic fatigue enrolled 120 patients who were randomly assigned to receive either ginseng (61 patients) or placebo (59 patients).',
  'At Week 12, patients in the ginseng group showed a mean FSS change from baseline of \u22126.40 (95% CI: \u22128.10, \u22124.70), whereas the placebo group demonstrated a change of \u22121.90 (\u22123.50, \u22120.30), a significant difference (p < 0.001).',
  'At 12 weeks, 71% of the ginseng patients had a fatigue score below 36, whereas 38% of the placebo group reached this mark.',
  'Insomnia was reported in 9 ginseng patients.',
  'Among secondary endpoints, 52% of patients in the ginseng group experienced better sleep compared to 21% of placebo patients.',
].join('\n');
const found = findOutcomes('0123456789abcdef', text);
const guesses = found.map((s) => [s.quote.exact, s.outcome, s.arm, s.timepoint, s.measure]);

describe('guesses from the sentence', () => {
  it('guesses outcome, arm, time point and measure for each value', () => {
    expect(guesses).toEqual([
      ['enrolled 120 patients', '', '', '', 'n'],
      ['ginseng (61 patients)', '', 'ginseng', '', 'n'],
      ['placebo (59 patients)', '', 'placebo', '', 'n'],
      ['\u22126.40 (95% CI: \u22128.10, \u22124.70)', 'mean FSS change from baseline', 'ginseng', 'week 12', 'mean change'],
      ['\u22121.90 (\u22123.50, \u22120.30)', 'mean FSS change from baseline', 'placebo', 'week 12', 'mean change'],
      ['p < 0.001', 'mean FSS change from baseline', 'placebo', 'week 12', ''],
      ['71%', 'fatigue score below 36', 'ginseng', '12 weeks', '%'],
      ['38%', 'fatigue score below 36', 'placebo', '12 weeks', '%'],
      ['9 ginseng patients', 'Insomnia', 'ginseng', '', 'n'],
      ['52%', 'better sleep', 'ginseng', '', '%'],
      ['21%', 'better sleep', 'placebo', '', '%'],
    ]);
  });

  it('skips an arm phrase between the outcome and its value', () => {
    const sentence = 'At week 16 the mean change in the IVIg group was \u22129.36 (95% CI \u221212.52 to \u22126.19), versus \u22121.16 (\u22123.32, 0.99) with placebo.';
    expect(findOutcomes('0123456789abcdef', sentence).map((s) => [s.outcome, s.arm, s.timepoint])).toEqual([
      ['mean change', 'IVIg', 'week 16'],
      ['mean change', 'placebo', 'week 16'],
    ]);
  });

  it('does not take a dosing interval or an age for a time point', () => {
    const s = findOutcomes('0123456789abcdef', 'Patients aged 18 to 80 years given the drug every 4 weeks improved (p = 0.01).');
    expect(s.map((x) => [x.quote.exact, x.timepoint])).toEqual([['p = 0.01', '']]);
  });
});
