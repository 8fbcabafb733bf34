import { describe, expect, it } from 'vitest';
import { runRules } from '../../shared/checks/index.js';
import { SuggestedDiscrepancy } from '../../shared/model/index.js';
import { aggarwal, article, fact, group, ID, outcome, reference, werth } from './checks-builders.js';

const groupOnly = (list: SuggestedDiscrepancy[]) => list.filter((d) => d.studyGroupId !== null);
const GROUP = group('grp_proderm1', [ID.a, ID.b]);

describe('articles of one study group', () => {
  it('seed pair: journal, year and lead author differ, each with a quote from each article', () => {
    const found = groupOnly(runRules([werth(), aggarwal()], [GROUP]));
    expect(found.map((d) => d.kind)).toEqual(['journal', 'year', 'lead-author']);
    for (const d of found) {
      expect(SuggestedDiscrepancy.parse(d)).toEqual(d);
      expect(d.studyGroupId).toBe('grp_proderm1');
      expect(d.severity).toBe('high');
      expect(d.quotes.map((q) => q.articleId)).toEqual([ID.a, ID.b]);
    }
    const [journal, year, author] = found;
    expect(journal!.explanation).toBe('"Werth 2023" names The Lancet for the ProDERM study; "Aggarwal 2022" names New England Journal of Medicine.');
    expect(journal!.quotes.map((q) => q.exact)).toEqual(['published in The Lancet', 'New England Journal of Medicine']);
    expect(year!.explanation).toContain('2023');
    expect(year!.explanation).toContain('2022');
    expect(year!.quotes.map((q) => q.exact)).toEqual(['2023', '2022']);
    expect(author!.explanation).toContain('Werth');
    expect(author!.explanation).toContain('Aggarwal');
    expect(author!.quotes.map((q) => q.exact)).toEqual(['Victoria P. Werth', 'Aggarwal, R.']);
    const texts = new Map<string, string>([
      [ID.a, werth().text],
      [ID.b, aggarwal().text],
    ]);
    for (const q of found.flatMap((d) => d.quotes)) expect(texts.get(q.articleId)!.slice(q.start, q.end)).toBe(q.exact);
  });

  it('is the same whatever the input order, and re-running never changes a fingerprint', () => {
    const one = runRules([werth(), aggarwal()], [GROUP, group('grp_other001', [ID.b, ID.a])]);
    const two = runRules([aggarwal(), werth()], [group('grp_other001', [ID.a, ID.b]), GROUP]);
    expect(two.map((d) => d.fingerprint)).toEqual(one.map((d) => d.fingerprint));
    expect(new Set(one.map((d) => d.fingerprint)).size).toBe(one.length); // the pair in two groups is reported once
    expect(one.map((d) => d.fingerprint)).toContain('lead-author|a000000000000001|b000000000000002|werth|aggarwal');
  });

  it('compares only articles of a group, and only when both have a value', () => {
    expect(groupOnly(runRules([werth(), aggarwal()], []))).toEqual([]);
    // A member the caller did not pass (deleted, not loaded) is skipped, not an error.
    expect(groupOnly(runRules([werth()], [GROUP]))).toEqual([]);
    const noYear = aggarwal();
    noYear.facts = { ...noYear.facts, facts: noYear.facts.facts.filter((f) => f.kind !== 'year'), references: noYear.facts.references.map((r) => ({ ...r, year: null })) };
    expect(groupOnly(runRules([werth(), noYear], [GROUP])).map((d) => d.kind)).toEqual(['journal', 'lead-author']);
  });

  it('control pair: two articles that agree in every respect, worded differently, yield nothing', () => {
    const t1 = [
      'Results of the ALPHA trial (NCT01234567) were published in The New England Journal of Medicine in 2022 by Rohit Aggarwal and colleagues.',
      'It enrolled 120 patients between March 2018 and June 2020, and followed them for 24 weeks.',
      'At week 24, 64.7% of the drug group responded, versus 40% of the placebo group; the mean difference was 2.31.',
      'Reference: Aggarwal R, et al. ALPHA. N Engl J Med 2022;387:1-10. doi:10.1056/NEJMoa2117912',
    ].join('\n');
    const t2 = [
      'The ALPHA study (nct01234567), reported by Aggarwal et al. in NEJM (2022), randomised 120 participants from 2018 to 2020 with 6 months of follow-up.',
      'Responders at 24 weeks: 65% with Drug and 40.0% with placebo (MD 2.3).',
      'Source: DOI 10.1056/nejmoa2117912',
    ].join('\n');
    const a = article(ID.a, t1, {
      label: 'News one',
      facts: [
        fact(t1, 'acronym', 'ALPHA', 'alpha'),
        fact(t1, 'trial-id', 'NCT01234567', 'NCT01234567'),
        fact(t1, 'journal', 'The New England Journal of Medicine', 'new england journal of medicine'),
        fact(t1, 'year', '2022', '2022'),
        fact(t1, 'lead-author', 'Rohit Aggarwal', 'aggarwal'),
        fact(t1, 'sample-size', '120', '120', { quote: 'enrolled 120 patients' }),
        fact(t1, 'dates', 'between March 2018 and June 2020', '2018-03..2020-06'),
        fact(t1, 'follow-up', '24 weeks', '24 weeks'),
        fact(t1, 'journal', 'N Engl J Med', 'new england journal of medicine', { reference: 0 }),
        fact(t1, 'year', '2022', '2022', { reference: 0, nth: 1 }),
        fact(t1, 'lead-author', 'Aggarwal', 'aggarwal', { reference: 0, quote: 'Aggarwal R' }),
        fact(t1, 'doi', '10.1056/NEJMoa2117912', '10.1056/nejmoa2117912', { reference: 0 }),
      ],
      references: [reference(t1, 'Aggarwal R, et al. ALPHA. N Engl J Med 2022;387:1-10. doi:10.1056/NEJMoa2117912', { authors: ['Aggarwal'], journal: 'N Engl J Med', year: 2022, doi: '10.1056/NEJMoa2117912' })],
      outcomes: [
        outcome(ID.a, t1, '64.7%', { value: 64.7, unit: '%', measure: '%', outcome: 'response', arm: 'drug group', timepoint: 'week 24' }),
        outcome(ID.a, t1, '40%', { value: 40, unit: '%', measure: '%', outcome: 'response', arm: 'the placebo group', timepoint: 'week 24' }),
        outcome(ID.a, t1, '2.31', { shape: 'ratio', value: 2.31, measure: 'mean difference', outcome: 'response', arm: 'drug', timepoint: 'week 24' }),
      ],
    });
    const b = article(ID.b, t2, {
      label: 'News two',
      facts: [
        fact(t2, 'acronym', 'ALPHA', 'alpha'),
        fact(t2, 'trial-id', 'nct01234567', 'NCT01234567'),
        fact(t2, 'journal', 'NEJM', 'new england journal of medicine'),
        fact(t2, 'year', '2022', '2022'),
        fact(t2, 'lead-author', 'Aggarwal', 'aggarwal'),
        fact(t2, 'sample-size', '120', '120', { quote: 'randomised 120 participants' }),
        fact(t2, 'dates', 'from 2018 to 2020', '2018..2020'),
        fact(t2, 'follow-up', '6 months', '6 months'),
        fact(t2, 'doi', '10.1056/nejmoa2117912', '10.1056/nejmoa2117912'),
      ],
      outcomes: [
        outcome(ID.b, t2, '65%', { value: 65, unit: '%', measure: 'percentage', outcome: 'Response', arm: 'Drug', timepoint: '24 weeks' }),
        outcome(ID.b, t2, '40.0%', { value: 40, unit: '%', measure: '%', outcome: 'response', arm: 'placebo', timepoint: '24 weeks' }),
        outcome(ID.b, t2, '2.3', { shape: 'ratio', value: 2.3, measure: 'MD', outcome: 'response', arm: 'drug arm', timepoint: 'Week 24' }),
      ],
    });
    expect(runRules([a, b], [group('grp_alpha0001', [ID.a, ID.b], { label: 'ALPHA' })])).toEqual([]);
    expect(runRules([b, a], [group('grp_alpha0001', [ID.b, ID.a], { label: 'ALPHA' })])).toEqual([]);
  });
});

describe('group attributes: DOI, sample size, follow-up, dates', () => {
  function pair(x: { kind: 'doi' | 'sample-size' | 'follow-up' | 'dates'; a: [string, string]; b: [string, string] }) {
    const t1 = `First piece: ${x.a[0]}.`;
    const t2 = `Second piece: ${x.b[0]}.`;
    return [
      article(ID.a, t1, { label: 'One', facts: [fact(t1, x.kind, x.a[0], x.a[1])] }),
      article(ID.b, t2, { label: 'Two', facts: [fact(t2, x.kind, x.b[0], x.b[1])] }),
    ];
  }
  const cases = [
    { kind: 'doi', a: ['10.1000/abc', '10.1000/abc'], b: ['10.1000/XYZ', '10.1000/xyz'], same: ['10.1000/ABC', '10.1000/abc'], severity: 'high' },
    { kind: 'sample-size', a: ['95', '95'], b: ['96', '96'], same: ['95', '95'], severity: 'high' },
    { kind: 'follow-up', a: ['16 weeks', '16 weeks'], b: ['40 weeks', '40 weeks'], same: ['week 16', '16 weeks'], severity: 'medium' },
    { kind: 'dates', a: ['February 2017 to November 2019', '2017-02..2019-11'], b: ['2016 to 2019', '2016..2019'], same: ['2017 to 2019', '2017..2019'], severity: 'medium' },
  ] as const;
  for (const c of cases) {
    it(`${c.kind}: fires on different values, not on the same value written otherwise`, () => {
      const found = runRules(pair({ kind: c.kind, a: [...c.a], b: [...c.b] }), [GROUP]);
      expect(found.map((d) => [d.kind, d.severity])).toEqual([[c.kind, c.severity]]);
      expect(found[0]!.explanation).toContain(c.a[0]);
      expect(found[0]!.explanation).toContain(c.b[0]);
      expect(found[0]!.quotes.map((q) => [q.articleId, q.exact])).toEqual([
        [ID.a, c.a[0]],
        [ID.b, c.b[0]],
      ]);
      expect(runRules(pair({ kind: c.kind, a: [...c.a], b: [...c.same] }), [GROUP])).toEqual([]);
    });
  }

  it('an article naming several sample sizes agrees when one of them matches', () => {
    const t1 = 'Of 150 screened, 95 were enrolled.';
    const t2 = 'The trial enrolled 95 patients.';
    const a = article(ID.a, t1, { facts: [fact(t1, 'sample-size', '150', '150'), fact(t1, 'sample-size', '95', '95')] });
    const b = article(ID.b, t2, { facts: [fact(t2, 'sample-size', '95', '95')] });
    expect(runRules([a, b], [GROUP])).toEqual([]);
  });
});

describe('outcome values across a group', () => {
  function two(v1: number, w1: string, v2: number, w2: string) {
    const t1 = `At week 16, ${w1} of IVIg patients responded.`;
    const t2 = `By 16 weeks, ${w2} of the IVIG group had responded.`;
    return [
      article(ID.a, t1, { label: 'One', outcomes: [outcome(ID.a, t1, w1, { value: v1, unit: '%', measure: '%', outcome: 'TIS response', arm: 'IVIg', timepoint: 'week 16' })] }),
      article(ID.b, t2, { label: 'Two', outcomes: [outcome(ID.b, t2, w2, { value: v2, unit: '%', measure: '%', outcome: 'response TIS', arm: 'IVIG group', timepoint: '16 weeks' })] }),
    ];
  }

  it('79% vs 76% for the same outcome, arm and time point is flagged (high), quoting both', () => {
    const found = runRules(two(79, '79%', 76, '76%'), [GROUP]);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([['outcome-value', 'high']]);
    expect(found[0]!.quotes.map((q) => [q.articleId, q.exact])).toEqual([
      [ID.a, '79%'],
      [ID.b, '76%'],
    ]);
    expect(found[0]!.explanation).toContain('79%');
    expect(found[0]!.explanation).toContain('76%');
    expect(found[0]!.studyGroupId).toBe('grp_proderm1');
  });

  it('64.7% vs 65% agree (rounding); 64% vs 64.9% is only borderline (low)', () => {
    expect(runRules(two(64.7, '64.7%', 65, '65%'), [GROUP])).toEqual([]);
    expect(runRules(two(65, '65%', 64.5, '64.5%'), [GROUP])).toEqual([]);
    expect(runRules(two(64, '64%', 64.9, '64.9%'), [GROUP]).map((d) => [d.kind, d.severity])).toEqual([['outcome-value', 'low']]);
  });

  it('different arm, time point or measure is not the same result', () => {
    const [a, b] = two(79, '79%', 44, '44%');
    const other = (patch: object) => ({ ...b!, outcomes: b!.outcomes.map((o) => ({ ...o, ...patch })) });
    expect(runRules([a!, other({ arm: 'placebo' })], [GROUP])).toEqual([]);
    expect(runRules([a!, other({ timepoint: 'week 40' })], [GROUP])).toEqual([]);
    expect(runRules([a!, other({ measure: 'mean' })], [GROUP])).toEqual([]);
    expect(runRules([a!, other({ arm: '' })], [GROUP])).toEqual([]);
  });
});
