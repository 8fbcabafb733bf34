import { describe, expect, it } from 'vitest';
import { factsOf, summary } from './attribution-helpers.js';

describe('journals named in the running text', () => {
  it('reads "published in The Lancet" and "in the New England Journal of Medicine"', () => {
    const text =
      'A new trial of a topical cream was published in The Lancet by Maria K. Olsen and colleagues. ' +
      'An earlier report appeared in the New England Journal of Medicine last year.';
    expect(summary(text, 'journal')).toEqual([
      ['The Lancet', 'lancet', 'published in The Lancet', 'text'],
      ['New England Journal of Medicine', 'new england journal of medicine', 'appeared in the New England Journal of Medicine', 'text'],
    ]);
  });

  it('reads acronyms and abbreviations, and a bare "in" before a journal-worded name', () => {
    const text = 'The findings were reported in JAMA. Similar data were seen in the Journal of Investigative Dermatology, and in N Engl J Med (2020).';
    expect(summary(text, 'journal')).toEqual([
      ['JAMA', 'jama', 'reported in JAMA', 'text'],
      ['Journal of Investigative Dermatology', 'journal of investigative dermatology', 'in the Journal of Investigative Dermatology', 'text'],
      ['N Engl J Med', 'new england journal of medicine', 'in N Engl J Med', 'text'],
    ]);
    expect(summary(text, 'year')).toEqual([['2020', '2020', 'in N Engl J Med (2020', 'text']]);
  });

  it('takes an unlisted journal only with a journal word after "published in"', () => {
    const text = 'The analysis was published in EClinicalMedicine in 2021. It was published in March and published in Springfield Weekly Gazette.';
    expect(summary(text, 'journal')).toEqual([['EClinicalMedicine', 'eclinicalmedicine', 'published in EClinicalMedicine', 'text']]);
    expect(summary(text, 'year')).toEqual([['2021', '2021', 'published in EClinicalMedicine in 2021', 'text']]);
  });

  it('finds no journal in lowercase prose or ordinary capitalised places', () => {
    const text =
      'Patients kept journal entries every day. Results were published in a journal last spring. ' +
      'The team worked in Boston and in The Netherlands. Cancer rates rose in Science Park.';
    expect(summary(text, 'journal')).toEqual([]);
  });

  it('reads "the journal Nature"', () => {
    expect(summary('Details appear in the journal Nature this week.', 'journal')).toEqual([['Nature', 'nature', 'in the journal Nature', 'text']]);
  });

  it('does not cut a longer name down to a listed one, nor run into a weekday', () => {
    const text = 'It was published in Science Advances. Another was published in the New England Journal of Medicine Thursday.';
    expect(summary(text, 'journal')).toEqual([
      ['Science Advances', 'science advances', 'published in Science Advances', 'text'],
      ['New England Journal of Medicine', 'new england journal of medicine', 'published in the New England Journal of Medicine', 'text'],
    ]);
  });
});

describe('lead authors named in the running text', () => {
  it('reads "X and colleagues", "X et al." and "led by Dr. X"', () => {
    const text =
      'The trial was described by Maria K. Olsen and colleagues. As Olsen et al. note, the effect held. ' +
      'A second cohort, led by Dr. Jonas Brandt, was smaller. First author Ana Sousa-Lima said more work is needed.';
    expect(summary(text, 'lead-author')).toEqual([
      ['Maria K. Olsen', 'olsen', 'by Maria K. Olsen and colleagues', 'text'],
      ['Olsen', 'olsen', 'Olsen et al.', 'text'],
      ['Jonas Brandt', 'brandt', 'led by Dr. Jonas Brandt', 'text'],
      ['Ana Sousa-Lima', 'sousa-lima', 'First author Ana Sousa-Lima', 'text'],
    ]);
  });

  it('folds accents and drops sentence words before the name', () => {
    expect(summary('Recently Müller and colleagues showed the opposite.', 'lead-author')).toEqual([['Müller', 'muller', 'Müller and colleagues', 'text']]);
  });

  it('takes no acronym, group word or institution as an author', () => {
    expect(summary('The CAPTURE and colleagues network and Researchers et al. are not people.', 'lead-author')).toEqual([]);
    expect(summary('The work was led by Harvard Medical School and the trial was led by the sponsor.', 'lead-author')).toEqual([]);
  });
});

describe('trial identifiers and acronyms', () => {
  it('reads registry ids, normalised uppercase', () => {
    const text = 'Registered as NCT01234567 and ISRCTN 12345678 (EudraCT number 2016-001234-12; DRKS00012345).';
    expect(summary(text, 'trial-id')).toEqual([
      ['NCT01234567', 'NCT01234567', 'NCT01234567', 'text'],
      ['ISRCTN 12345678', 'ISRCTN12345678', 'ISRCTN 12345678', 'text'],
      ['EudraCT number 2016-001234-12', 'EUDRACT 2016-001234-12', 'EudraCT number 2016-001234-12', 'text'],
      ['DRKS00012345', 'DRKS00012345', 'DRKS00012345', 'text'],
    ]);
  });

  it('reads acronyms introduced or followed by trial/study', () => {
    const text = 'A phase 2 study known as SkinCLEAR enrolled adults. In the RECOVERY trial, and in the (BRIGHT-2) study, results differed.';
    expect(summary(text, 'acronym')).toEqual([
      ['SkinCLEAR', 'skinclear', 'known as SkinCLEAR', 'text'],
      ['RECOVERY', 'recovery', 'RECOVERY trial', 'text'],
      ['BRIGHT-2', 'bright-2', '(BRIGHT-2) study', 'text'],
    ]);
  });

  it('takes no acronym from ordinary words, drugs or agencies', () => {
    const text =
      'The Phase 3 trial ran for a year. The trial was large. This Study was funded by the NIH. ' +
      'Intravenous immunoglobulin (IVIg) was given; the IVIg trial arm and an FDA study and a COVID-19 trial are not trial names. ' +
      'A randomised controlled trial (RCT) is a design, and a monoclonal antibody (mAbX) study is not a name either.';
    expect(summary(text, 'acronym')).toEqual([]);
  });
});

describe('DOIs in the running text', () => {
  it('reads them without trailing punctuation, normalised lowercase', () => {
    expect(summary('See https://doi.org/10.1234/ABC.2021.55 (open access).', 'doi')).toEqual([['10.1234/ABC.2021.55', '10.1234/abc.2021.55', '10.1234/ABC.2021.55', 'text']]);
  });
});

describe('the text around a reference list', () => {
  it('keeps reference-list words out of the text facts', () => {
    const text =
      'The result was published in The Lancet by Olsen and colleagues.\n' +
      'References\n' +
      'Olsen MK, Brandt J, et al. A cream for eczema. Br J Dermatol 2021;184:101-9. doi:10.1111/bjd.19999\n';
    const facts = factsOf(text).facts;
    expect(facts.filter((f) => f.source === 'text').map((f) => [f.kind, f.normalised])).toEqual([
      ['journal', 'lancet'],
      ['lead-author', 'olsen'],
    ]);
    expect(facts.filter((f) => f.source === 'reference').map((f) => [f.kind, f.normalised])).toEqual([
      ['lead-author', 'olsen'],
      ['journal', 'british journal of dermatology'],
      ['year', '2021'],
      ['doi', '10.1111/bjd.19999'],
    ]);
  });
});
