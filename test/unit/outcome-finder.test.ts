// The outcome finder (shared/extraction/outcomes): written forms of numeric results and their parsed fields.
// Every text here is written for the test.
import { describe, expect, it } from 'vitest';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';
import { OutcomeSuggestion } from '../../shared/model/index.js';

const ID = '0123456789abcdef';
const find = (text: string) => findOutcomes(ID, text);
const one = (text: string, exact: string) => {
  const hits = find(text).filter((s) => s.quote.exact === exact);
  expect(hits.map((s) => s.quote.exact), `quote ${JSON.stringify(exact)} in ${JSON.stringify(find(text).map((s) => s.quote.exact))}`).toEqual([exact]);
  return hits[0]!;
};
const fields = (s: OutcomeSuggestion) => ({ shape: s.shape, value: s.value, ciLow: s.ciLow, ciHigh: s.ciHigh, p: s.p, n: s.n, events: s.events, sd: s.sd });
const none = { value: null, ciLow: null, ciHigh: null, p: null, n: null, events: null, sd: null };

describe('estimates with confidence intervals', () => {
  it.each([
    ['The mean change was \u22129.36 (95% CI: \u221212.52, \u22126.19) with the drug.', '\u22129.36 (95% CI: \u221212.52, \u22126.19)', -9.36, -12.52, -6.19, null],
    ['In the control arm it was -1.16 (-3.32, 0.99) at week 12.', '-1.16 (-3.32, 0.99)', -1.16, -3.32, 0.99, null],
    ['Mortality was lower (HR 0.74, 95% CI 0.61 to 0.90).', 'HR 0.74, 95% CI 0.61 to 0.90', 0.74, 0.61, 0.9, null],
    ['The ratio was 2.1 [1.2\u20133.4] overall.', '2.1 [1.2\u20133.4]', 2.1, 1.2, 3.4, null],
    ['Smoking raised the risk (OR = 1.8 (95% confidence interval 1.1-2.9; P = .02)).', 'OR = 1.8 (95% confidence interval 1.1-2.9; P = .02)', 1.8, 1.1, 2.9, '0.02'],
    ['Weight fell by 5.02 kg (95% CI \u22125.9, -4.1) in the diet group.', '5.02 kg (95% CI \u22125.9, -4.1)', 5.02, -5.9, -4.1, null],
    ['Survival was longer (hazard ratio 0.655 [95% CI 0.517\u20130.830], p = 0.0005).', 'hazard ratio 0.655 [95% CI 0.517\u20130.830], p = 0.0005', 0.655, 0.517, 0.83, '0.0005'],
    ['Progression was slower (adjusted HR 0\u00B780, 0\u00B768\u20130\u00B793, p=0\u00B70054).', 'adjusted HR 0\u00B780, 0\u00B768\u20130\u00B793, p=0\u00B70054', 0.8, 0.68, 0.93, '0.0054'],
  ])('%s', (text, exact, value, ciLow, ciHigh, p) => {
    const s = one(text, exact);
    expect(fields(s)).toEqual({ ...none, shape: 'estimate-ci', value, ciLow, ciHigh, p });
  });

  it('reads thin and no-break spaces, U+2212 minus and decimal commas', () => {
    const text = 'The effect was \u22122.5\u2009(95%\u00A0CI \u22123.1 to \u22121.9) and HR 0,74 (0,61\u20130,90).';
    expect(find(text).map(fields)).toEqual([
      { ...none, shape: 'estimate-ci', value: -2.5, ciLow: -3.1, ciHigh: -1.9 },
      { ...none, shape: 'estimate-ci', value: 0.74, ciLow: 0.61, ciHigh: 0.9 },
    ]);
    expect(find(text).map((s) => s.measure)).toEqual(['', 'HR']);
  });

  it('keeps the bounds as written, even when they are out of order (the arithmetic rules judge them)', () => {
    const s = one('HbA1c fell by 1.05% (SD = 2.0; CI95%: 1.54;-0.56) with coaching.', '1.05% (SD = 2.0; CI95%: 1.54;-0.56)');
    expect(fields(s)).toEqual({ ...none, shape: 'estimate-ci', value: 1.05, ciLow: 1.54, ciHigh: -0.56, sd: 2 });
    expect(s.unit).toBe('%');
  });

  it('reads a mean with its SD and its CI in brackets', () => {
    const s = one('The index rose (0.51 [SD 0.60] [95% Cl 0.16-0.85], P=0.008).', '0.51 [SD 0.60] [95% Cl 0.16-0.85], P=0.008');
    expect(fields(s)).toEqual({ ...none, shape: 'estimate-ci', value: 0.51, ciLow: 0.16, ciHigh: 0.85, p: '0.008', sd: 0.6 });
  });
});

describe('p-values', () => {
  it('finds every written form and normalises it', () => {
    const text = 'Results: p < 0.0001, P=.03, P <0.01, p = 0\u00B702, P > 0.05, P \u2264 0.05 and a p-value of 0.03.';
    expect(find(text).map((s) => [s.shape, s.quote.exact, s.p, s.value])).toEqual([
      ['p-value', 'p < 0.0001', '<0.0001', null],
      ['p-value', 'P=.03', '0.03', null],
      ['p-value', 'P <0.01', '<0.01', null],
      ['p-value', 'p = 0\u00B702', '0.02', null],
      ['p-value', 'P > 0.05', '>0.05', null],
      ['p-value', 'P \u2264 0.05', '<=0.05', null],
      ['p-value', 'p-value of 0.03', '0.03', null],
    ]);
  });

  it('keeps a two-sided label and rejects numbers that are no probability', () => {
    expect(find('Survival differed (two-sided P = 0.002).').map((s) => s.quote.exact)).toEqual(['two-sided P = 0.002']);
    expect(find('The value P = 3.5 is a pressure.')).toEqual([]);
  });
});

describe('percentages and counts', () => {
  it('reads group percentages', () => {
    const text = 'At 12 weeks, 79% of the fenugreek patients were responders, whereas 44% of the placebo group were.';
    expect(find(text).map((s) => [s.shape, s.quote.exact, s.value, s.unit, s.n])).toEqual([
      ['percentage', '79%', 79, '%', null],
      ['percentage', '44%', 44, '%', null],
    ]);
  });

  it('reads counts with their percentage in every form', () => {
    const text =
      'Relapse occurred in 12/40 (30%) and 11 out of 17 patients (64.7%); rash in 56% [188 of 334] vs 15% [46 of 313]; five of 14 (35.7%) and 24% (79 of 334) and (134/529, 25.3%).';
    expect(find(text).map((s) => [s.shape, s.quote.exact, s.events, s.n, s.value])).toEqual([
      ['count', '12/40 (30%)', 12, 40, 30],
      ['count', '11 out of 17 patients (64.7%)', 11, 17, 64.7],
      ['count', '56% [188 of 334]', 188, 334, 56],
      ['count', '15% [46 of 313]', 46, 313, 15],
      ['count', 'five of 14 (35.7%)', 5, 14, 35.7],
      ['count', '24% (79 of 334)', 79, 334, 24],
      ['count', '134/529, 25.3%', 134, 529, 25.3],
    ]);
  });

  it('reads "64.7% vs 35.7%" as two percentages and a denominator written as (n = 40)', () => {
    expect(find('Sedation was adequate in 64.7% vs 35.7%.').map((s) => [s.quote.exact, s.value])).toEqual([
      ['64.7%', 64.7],
      ['35.7%', 35.7],
    ]);
    const s = one('Overweight was present in 60.3% (n = 35) of the women.', '60.3% (n = 35)');
    expect(fields(s)).toEqual({ ...none, shape: 'percentage', value: 60.3, n: 35 });
  });

  it('does not read the 95% of a CI label or a concentration as a result', () => {
    expect(find('The 95% CI was not reported; canals were rinsed with 2.5% NaOCl and 2% chlorhexidine.')).toEqual([]);
  });
});

describe('means, medians, ratios, sizes', () => {
  it('reads mean ± SD and mean (SD)', () => {
    expect(find('Scores were 5.2 \u00B1 1.1 and mean 5.2 (SD 1.1) and \u22125.02 \u00B1 3.43 kg.').map(fields)).toEqual([
      { ...none, shape: 'mean-sd', value: 5.2, sd: 1.1 },
      { ...none, shape: 'mean-sd', value: 5.2, sd: 1.1 },
      { ...none, shape: 'mean-sd', value: -5.02, sd: 3.43 },
    ]);
    expect(find('Scores were mean 5.2 (SD 1.1).').map((s) => [s.quote.exact, s.measure])).toEqual([['mean 5.2 (SD 1.1)', 'mean']]);
  });

  it('reads medians with IQR', () => {
    expect(find('Stay was median 4 (IQR 2\u20137) days and median 4 [2, 7] visits.').map((s) => [s.quote.exact, s.shape, s.value, s.ciLow, s.ciHigh, s.measure])).toEqual([
      ['median 4 (IQR 2\u20137)', 'median-iqr', 4, 2, 7, 'median'],
      ['median 4 [2, 7]', 'median-iqr', 4, 2, 7, 'median'],
    ]);
  });

  it('reads ratios without an interval', () => {
    expect(find('The odds ratio was 1.8, RR = 0.62 and the mean difference 3.4 points.').map((s) => [s.shape, s.quote.exact, s.value, s.measure])).toEqual([
      ['ratio', 'odds ratio was 1.8', 1.8, 'OR'],
      ['ratio', 'RR = 0.62', 0.62, 'RR'],
      ['ratio', 'mean difference 3.4', 3.4, 'mean difference'],
    ]);
  });

  it('reads sample sizes and arm sizes', () => {
    const text =
      'We enrolled 95 patients. They were randomly assigned to receive either fenugreek (47 patients) or placebo (48 patients). ' +
      'Of 120, 60 were placed in the fenugreek group and 60 in the placebo group. We randomly assigned 350 patients to receive erlotinib and 320 to receive placebo.';
    expect(find(text).map((s) => [s.shape, s.quote.exact, s.n, s.arm])).toEqual([
      ['sample-size', 'enrolled 95 patients', 95, ''],
      ['arm-size', 'fenugreek (47 patients)', 47, 'fenugreek'],
      ['arm-size', 'placebo (48 patients)', 48, 'placebo'],
      ['arm-size', '60 were placed in the fenugreek group', 60, 'fenugreek'],
      ['arm-size', '60 in the placebo group', 60, 'placebo'],
      ['arm-size', 'randomly assigned 350 patients to receive erlotinib', 350, 'erlotinib'],
      ['arm-size', '320 to receive placebo', 320, 'placebo'],
    ]);
    expect(find('In all, 95 patients were randomly assigned.').map((s) => [s.shape, s.quote.exact, s.n])).toEqual([['sample-size', '95 patients were randomly assigned', 95]]);
  });
});

describe('spans, keys and order', () => {
  const text =
    'Intro.\nAt week 16, the ginseng group showed a mean change of \u22129.36 (95% CI: \u221212.52, \u22126.19), whereas the placebo group changed by \u22121.16 (\u22123.32, 0.99) (p < 0.0001). Et al. vs. Fig. 2 i.e. nothing.\n' +
    'Response: 79% vs 44% (P=.03); 12/40 (30%); 5.2 \u00B1 1.1; median 4 (IQR 2\u20137); HR 0.8; enrolled 95 patients; placebo (n = 48).';
  const found = find(text);

  it('every quote and sentence equals its slice of the text, keys are unique and the list is sorted', () => {
    expect(found.length).toBe(12);
    for (const s of found) {
      expect(OutcomeSuggestion.parse(s)).toEqual(s);
      expect(text.slice(s.quote.start, s.quote.end)).toBe(s.quote.exact);
      expect(text.slice(s.sentence.start, s.sentence.end)).toBe(s.sentence.exact);
      expect(s.sentence.start <= s.quote.start && s.quote.end <= s.sentence.end).toBe(true);
      expect(s.key).toBe(`${s.shape}:${s.quote.start}:${s.quote.end}`);
    }
    expect(new Set(found.map((s) => s.key)).size).toBe(found.length);
    expect(found.map((s) => s.quote.start)).toEqual([...found.map((s) => s.quote.start)].sort((a, b) => a - b));
  });

  it('does not split sentences on decimals or abbreviations', () => {
    const s = found.find((x) => x.quote.exact.startsWith('\u22129.36'))!;
    expect(s.sentence.exact).toBe(
      'At week 16, the ginseng group showed a mean change of \u22129.36 (95% CI: \u221212.52, \u22126.19), whereas the placebo group changed by \u22121.16 (\u22123.32, 0.99) (p < 0.0001).',
    );
    expect(find('Cited by Smith et al. in 2019. The rate was 12% vs. 8% (i.e. lower, see Fig. 3).').map((x) => x.sentence.exact)).toEqual([
      'The rate was 12% vs. 8% (i.e. lower, see Fig. 3).',
      'The rate was 12% vs. 8% (i.e. lower, see Fig. 3).',
    ]);
  });
});

describe('what is not a result', () => {
  it.each([
    ['years and dates', 'The trial ran from February 2017 to November 2019 (2017\u20132019) and was registered on 03/2016.'],
    ['doses', 'Patients received 2.0 g/kg of the drug every 4 weeks, or 150 mg per day, in 0.9% saline.'],
    ['citation brackets', 'This was shown before [12] and repeated [1, 2] and [3\u20135].'],
    ['section numbers', '2.3 Statistical analysis\n3.1.2 Outcomes'],
    ['reference lines', 'Smith J, Doe A. Trial of X in Y. N Engl J Med 2022;387:1264-78. doi:10.1056/NEJMoa2117912'],
    ['age ranges in eligibility criteria', 'Eligible patients were aged 18 to 80 years (range 18-80) or aged 40 (18\u201380).'],
    ['a product strength', 'It was given as IVIg (Octagam 10%; Octapharma AG).'],
    ['numbers inside names', 'COVID-19 and ADL19 and HbA1c were measured with the SF-36.'],
  ])('%s', (_label, text) => {
    expect(find(text).map((s) => s.quote.exact)).toEqual([]);
  });

  it('returns nothing for text without digits', () => {
    expect(find('No numbers here.')).toEqual([]);
    expect(find('')).toEqual([]);
  });
});
