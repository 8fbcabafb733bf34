import { describe, expect, it } from 'vitest';
import { factsOf } from './attribution-helpers.js';

const BODY = 'A cream helped children with eczema, according to a new trial.\n\n';

describe('reference lists', () => {
  it('parses an APA entry with the year after the journal', () => {
    const entry =
      'Olsen, M. K., Brandt, J., Sousa-Lima, A., … & Nagy-Szabó, É. Topical cream for childhood eczema: a post-hoc analysis of the CLEAR study. EClinicalMedicine,2022;51(101577):101577. https://doi.org/10.1016/j.eclinm.2022.101577';
    const text = `${BODY}Reference:\n${entry}\nDisclaimer: this site gives no medical advice.`;
    const { references, facts } = factsOf(text);
    expect(references).toHaveLength(1);
    const ref = references[0]!;
    expect(ref.quote.exact).toBe(entry);
    expect({ ...ref, quote: undefined }).toEqual({
      quote: undefined,
      authors: ['Olsen', 'Brandt', 'Sousa-Lima', 'Nagy-Szabó'],
      title: 'Topical cream for childhood eczema: a post-hoc analysis of the CLEAR study',
      journal: 'EClinicalMedicine',
      journalNormalised: 'EClinicalMedicine',
      year: 2022,
      volume: '51',
      pages: '101577',
      doi: '10.1016/j.eclinm.2022.101577',
    });
    expect(facts.map((f) => [f.kind, f.source, f.value, f.normalised, f.quote.exact, f.reference])).toEqual([
      ['lead-author', 'reference', 'Olsen', 'olsen', 'Olsen, M. K.', 0],
      ['journal', 'reference', 'EClinicalMedicine', 'eclinicalmedicine', 'EClinicalMedicine', 0],
      ['year', 'reference', '2022', '2022', '2022', 0],
      ['doi', 'reference', '10.1016/j.eclinm.2022.101577', '10.1016/j.eclinm.2022.101577', '10.1016/j.eclinm.2022.101577', 0],
    ]);
  });

  it('parses standard APA with the year in parentheses', () => {
    const text = `${BODY}References\n\nBrandt, J., & Olsen, M. K. (2019). Skin barrier repair in atopic dermatitis. British Journal of Dermatology, 180(4), 812–820. https://doi.org/10.1111/bjd.17000\n`;
    const ref = factsOf(text).references[0]!;
    expect([ref.authors, ref.title, ref.journal, ref.journalNormalised, ref.year, ref.volume, ref.pages, ref.doi]).toEqual([
      ['Brandt', 'Olsen'],
      'Skin barrier repair in atopic dermatitis',
      'British Journal of Dermatology',
      'British Journal of Dermatology',
      2019,
      '180',
      '812–820',
      '10.1111/bjd.17000',
    ]);
  });

  it('parses Vancouver entries in a numbered list', () => {
    const text =
      `${BODY}References\n` +
      '1. Brandt J, Olsen MK, van der Berg P, et al. Trial of a Barrier Cream in Childhood Eczema. N Engl J Med 2021;385:1101-12. doi:10.1056/NEJMoa2100001\n' +
      '2. Sousa-Lima A, Brandt J. Costs of eczema care. Lancet 2020;395:77-85.\n';
    const { references, facts } = factsOf(text);
    expect(references.map((r) => [r.authors, r.title, r.journal, r.journalNormalised, r.year, r.volume, r.pages, r.doi])).toEqual([
      [['Brandt', 'Olsen', 'van der Berg'], 'Trial of a Barrier Cream in Childhood Eczema', 'N Engl J Med', 'New England Journal of Medicine', 2021, '385', '1101-12', '10.1056/NEJMoa2100001'],
      [['Sousa-Lima', 'Brandt'], 'Costs of eczema care', 'Lancet', 'Lancet', 2020, '395', '77-85', null],
    ]);
    // The entry's quote is the whole line, number included.
    expect(references[0]!.quote.exact.startsWith('1. Brandt J')).toBe(true);
    expect(facts.filter((f) => f.reference === 1).map((f) => [f.kind, f.normalised, f.quote.exact])).toEqual([
      ['lead-author', 'sousa-lima', 'Sousa-Lima A'],
      ['journal', 'lancet', 'Lancet'],
      ['year', '2020', '2020'],
    ]);
  });

  it('parses the news-site mix: APA names, et al., a bare year, then a Vancouver citation', () => {
    const text = `${BODY}Reference\n\nBrandt, J., Olsen, M. K., Sousa-Lima, A. et al. Trial of a Barrier Cream in Childhood Eczema. 2021. N Engl J Med 2021;385:1101-12. DOI: 10.1056/NEJMoa2100001\n\nRelated Videos`;
    const { references, facts } = factsOf(text);
    const ref = references[0]!;
    expect([ref.authors, ref.title, ref.journal, ref.journalNormalised, ref.year, ref.volume, ref.pages, ref.doi]).toEqual([
      ['Brandt', 'Olsen', 'Sousa-Lima'],
      'Trial of a Barrier Cream in Childhood Eczema',
      'N Engl J Med',
      'New England Journal of Medicine',
      2021,
      '385',
      '1101-12',
      '10.1056/NEJMoa2100001',
    ]);
    const journal = facts.find((f) => f.kind === 'journal')!;
    expect([journal.source, journal.normalised, journal.quote.exact]).toEqual(['reference', 'new england journal of medicine', 'N Engl J Med']);
    // The year quoted is the citation's (after the journal), not the bare one.
    const year = facts.find((f) => f.kind === 'year')!;
    expect(text.slice(year.quote.start - 13, year.quote.end)).toBe('N Engl J Med 2021');
  });

  it('finds numbered entries at the end without a heading', () => {
    const text =
      `${BODY}More prose here about the trial and what it found in children.\n` +
      '[1] Olsen MK, Brandt J. Eczema in winter. Br J Dermatol 2018;178:55-61.\n' +
      '[2] Brandt J, Olsen MK. Eczema in summer. Br J Dermatol 2019;179:10-19.\n';
    expect(factsOf(text).references.map((r) => [r.authors[0], r.journalNormalised, r.year])).toEqual([
      ['Olsen', 'British Journal of Dermatology', 2018],
      ['Brandt', 'British Journal of Dermatology', 2019],
    ]);
  });

  it('finds no reference list in prose that mentions references', () => {
    const text = 'The references to earlier work were thin.\nSources say the trial, which ran in 2019, was small.\nResearchers et al. were not named.';
    expect(factsOf(text).references).toEqual([]);
  });

  it('gives two articles citing one paper in different styles the same normalised facts', () => {
    const a = `${BODY}References\nBrandt J, Olsen MK, et al. Trial of a Barrier Cream. N Engl J Med 2021;385:1101-12. doi:10.1056/NEJMoa2100001\n`;
    const b = `${BODY}Reference:\nBrandt, J., & Olsen, M. K. (2021). Trial of a barrier cream. The New England Journal of Medicine, 385(12), 1101–1112. https://doi.org/10.1056/nejmoa2100001\n`;
    const key = (text: string) =>
      factsOf(text)
        .facts.filter((f) => f.source === 'reference')
        .map((f) => `${f.kind}=${f.normalised}`)
        .sort();
    expect(key(a)).toEqual(key(b));
    expect(key(a)).toEqual(['doi=10.1056/nejmoa2100001', 'journal=new england journal of medicine', 'lead-author=brandt', 'year=2021']);
  });
});
