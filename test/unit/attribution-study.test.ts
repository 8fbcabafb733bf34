import { describe, expect, it } from 'vitest';
import { findFacts } from '../../shared/extraction/attribution/index.js';
import { ID, summary } from './attribution-helpers.js';

describe('sample sizes', () => {
  it('reads "enrolled N patients", "looked at N …", "a total of N … were randomised"', () => {
    const text =
      'The study enrolled 212 children. A second site looked at 1,050 adult participants. ' +
      'In all, a total of 120 eligible participants were randomised. It recruited about forty volunteers.';
    expect(summary(text, 'sample-size')).toEqual([
      ['212', '212', 'enrolled 212 children', 'text'],
      ['1,050', '1050', 'looked at 1,050 adult participants', 'text'],
      ['120', '120', 'a total of 120 eligible participants were randomised', 'text'],
      ['forty', '40', 'recruited about forty volunteers', 'text'],
    ]);
  });

  it('takes no arm size or percentage as the sample size', () => {
    const text = 'Of these, 106 patients received the cream; the trial included 50 patients in the placebo group. 79% of patients improved.';
    expect(summary(text, 'sample-size')).toEqual([]);
  });
});

describe('follow-up', () => {
  it('reads explicit durations and week time points, normalised', () => {
    const text =
      'Children were followed for 52 weeks. Over 12 months of follow-up, flares fell. ' +
      'A 24-week extension followed. The primary end point was assessed by week 16, and at 8 weeks symptoms eased.';
    expect(summary(text, 'follow-up')).toEqual([
      ['52 weeks', '52 weeks', 'followed for 52 weeks', 'text'],
      ['12 months', '12 months', 'Over 12 months of follow-up', 'text'],
      ['24-week', '24 weeks', '24-week extension', 'text'],
      ['week 16', '16 weeks', 'by week 16', 'text'],
      ['8 weeks', '8 weeks', 'at 8 weeks', 'text'],
    ]);
  });

  it('takes no ages or ranges as follow-up', () => {
    expect(summary('Children aged 2 years old at 3 years of age; the run-in lasted Weeks 0–4 (at week 4-8).', 'follow-up')).toEqual([]);
  });
});

describe('study dates', () => {
  it('reads ranges and single years, normalised', () => {
    const text = 'The trial ran from March 2016 to Sept. 2018 at ten sites. Data collected between 2015 and 2017 were used. It was conducted in 2019.';
    expect(summary(text, 'dates')).toEqual([
      ['March 2016 to Sept. 2018', '2016-03..2018-09', 'from March 2016 to Sept. 2018', 'text'],
      ['2015 and 2017', '2015..2017', 'between 2015 and 2017', 'text'],
      ['2019', '2019', 'conducted in 2019', 'text'],
    ]);
  });
});

describe('publication years in the text', () => {
  it('reads "in a 2021 study" and "published in 2020"', () => {
    expect(summary('In a 2021 study, creams worked. Another, published in May 2020, disagreed.', 'year')).toEqual([
      ['2021', '2021', 'a 2021 study', 'text'],
      ['2020', '2020', 'published in May 2020', 'text'],
    ]);
  });

  it('takes no dose or count as a year', () => {
    expect(summary('Patients got 2000 mg in a 2-week course; 2019 patients were screened.', 'year')).toEqual([]);
  });
});

describe('the whole finder', () => {
  const article =
    'Barrier Cream Eases Childhood Eczema\n' +
    'A phase 3 trial known as CLEAR-Kids found that a barrier cream reduced eczema severity. The results were published in The Lancet by Maria K. Olsen and colleagues (NCT04000001).\n' +
    'The trial, conducted from January 2019 to June 2021, enrolled 212 children who were followed for 52 weeks.\n' +
    'Reference:\n' +
    'Olsen, M. K., Brandt, J., & Sousa-Lima, A. A barrier cream in childhood eczema. Lancet Child Adolesc Health,2022;6(3):150-158. https://doi.org/10.1016/S2352-4642(22)00001-1\n';

  it('reads every kind with exact spans, in text order', () => {
    const facts = findFacts(ID, article).facts;
    for (const f of facts) expect(f.quote.exact).toBe(article.slice(f.quote.start, f.quote.end));
    expect(facts.map((f) => `${f.source}:${f.kind}=${f.normalised}`)).toEqual([
      'text:acronym=clear-kids',
      'text:journal=lancet',
      'text:lead-author=olsen',
      'text:trial-id=NCT04000001',
      'text:dates=2019-01..2021-06',
      'text:sample-size=212',
      'text:follow-up=52 weeks',
      'reference:lead-author=olsen',
      'reference:journal=lancet child and adolescent health',
      'reference:year=2022',
      'reference:doi=10.1016/s2352-4642(22)00001-1',
    ]);
  });

  // Speed is measured by `node build/run-ts.mjs test/eval/speed.ts DIR`, never asserted here.
  it('reads a 300 KB text (repeated article) to its end', () => {
    const big = article.repeat(Math.ceil(300_000 / article.length));
    const lastCopy = big.length - article.length;
    expect(findFacts(ID, big).facts.some((f) => f.quote.start >= lastCopy)).toBe(true);
  });

  it('survives texts that are not articles', () => {
    for (const text of ['', '\n\n', 'References\n', '(((((', 'and colleagues et al. trial study']) {
      expect(findFacts(ID, text)).toEqual({ articleId: ID, facts: [], references: [] });
    }
  });
});
