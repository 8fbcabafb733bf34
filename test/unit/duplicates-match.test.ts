import { describe, expect, it } from 'vitest';
import {
  DuplicateIndex,
  normaliseDoi,
  normalisePmid,
  normaliseTitle,
  pairKey,
  parseName,
  surnames,
  type MatchRecord,
} from '../../shared/duplicates/match.js';

const TITLE = 'Trial of Intravenous Immune Globulin in Dermatomyositis';

function record(id: string, fields: Partial<MatchRecord> = {}): MatchRecord {
  return { id, title: TITLE, year: 2022, authors: ['Aggarwal, Rohit'], doi: null, pmid: null, ...fields };
}

describe('normaliseDoi', () => {
  it('reduces the printed forms of one DOI to one lower-case key', () => {
    const forms = [
      '10.1056/NEJMoa2117912',
      'https://doi.org/10.1056/NEJMoa2117912',
      'http://dx.doi.org/10.1056/nejmoa2117912',
      'doi:10.1056/NEJMoa2117912',
      'DOI: 10.1056/NEJMoa2117912.',
      '  10.1056/NEJMOA2117912; ',
      'https://doi.org/10.1056%2FNEJMoa2117912',
    ];
    for (const form of forms) expect(normaliseDoi(form), form).toBe('10.1056/nejmoa2117912');
  });

  it('is null for empty values and for text without a DOI', () => {
    for (const value of [null, undefined, '', '   ', 'not a doi', '10.12/short-prefix']) expect(normaliseDoi(value)).toBeNull();
  });
});

describe('normalisePmid', () => {
  it('accepts bare, labelled, zero-padded and PubMed-URL forms', () => {
    for (const form of ['35921536', 'PMID: 35921536', 'pmid35921536', '0035921536', 'https://pubmed.ncbi.nlm.nih.gov/35921536/']) {
      expect(normalisePmid(form), form).toBe('35921536');
    }
  });

  it('is null for anything that is not a PMID', () => {
    for (const value of [null, '', 'abc', '3592-1536', '0', 'PMC9013542']) expect(normalisePmid(value), String(value)).toBeNull();
  });
});

describe('normaliseTitle', () => {
  it('ignores case, accents, punctuation, spacing, HTML and LaTeX markup', () => {
    const key = normaliseTitle('Effect of café au lait on naïve T-cells: a trial');
    expect(key).toBe('effect of cafe au lait on naive t cells a trial');
    for (const form of [
      'EFFECT OF CAFÉ AU LAIT ON NAÏVE T CELLS — A TRIAL.',
      'Effect of <i>café</i> au lait on na&iuml;ve T&#8209;cells: a trial',
      'Effect of caf\\\'{e} au lait on na{\\"\\i}ve {T}-cells: a trial',
      'Effect of \\emph{café} au lait   on naïve T‐cells: “a trial”',
      'Effect of cafe\u0301 au lait on nai\u0308ve T-cells: a trial', // decomposed accents
    ]) {
      expect(normaliseTitle(form), form).toBe(key);
    }
  });

  it('keeps different titles apart and spells letters NFKD leaves whole', () => {
    expect(normaliseTitle('Straße und Ærø')).toBe('strasse und aero');
    expect(normaliseTitle('Trial A')).not.toBe(normaliseTitle('Trial B'));
    expect(normaliseTitle('ﬁnal report')).toBe('final report');
  });
});

describe('author names', () => {
  it('finds the family name and initial in every common form', () => {
    const forms = ['Aggarwal, Rohit', 'Aggarwal R', 'Aggarwal RK', 'Aggarwal R.K.', 'Rohit Aggarwal', 'R. Aggarwal', 'AGGARWAL, ROHIT', 'Aggarwal, Rohit, Jr.'];
    for (const form of forms) expect(parseName(form), form).toEqual({ family: 'aggarwal', initial: 'r' });
  });

  it('keeps particles with the family name and compares without them', () => {
    expect(parseName('Ludwig van Beethoven')).toEqual({ family: 'beethoven', initial: 'l' });
    expect(parseName('van der Berg, Anna')).toEqual({ family: 'berg', initial: 'a' });
    expect(parseName('van der Berg A')).toEqual({ family: 'berg', initial: 'a' });
    expect(parseName('Anna van der Berg')).toEqual({ family: 'berg', initial: 'a' });
    expect(parseName('García-López, José')).toEqual({ family: 'garcia lopez', initial: 'j' });
    expect(parseName('WHO')).toEqual({ family: 'who', initial: null });
    expect(surnames(['Doe, Jane', 'John Roe', '  '])).toEqual(['doe', 'roe']);
  });
});

describe('DuplicateIndex identifiers', () => {
  it('matches a DOI however it is written, before a PMID', () => {
    const index = new DuplicateIndex([record('a', { doi: 'https://doi.org/10.1056/NEJMoa2117912' }), record('b', { pmid: '35921536' })]);
    const found = index.find(record('new', { title: 'Something else', doi: 'doi:10.1056/nejmoa2117912', pmid: '35921536' }));
    expect(found.identifier).toEqual({ id: 'a', reason: 'doi' });
  });

  it('matches a PMID when there is no DOI match, unless the DOIs conflict', () => {
    const index = new DuplicateIndex([record('a', { title: 'Other', pmid: '0035921536', doi: '10.1000/one' })]);
    expect(index.find(record('new', { title: 'New', pmid: 'PMID: 35921536' })).identifier).toEqual({ id: 'a', reason: 'pmid' });
    expect(index.find(record('new', { title: 'New', pmid: '35921536', doi: '10.1000/two' })).identifier).toBeNull();
  });

  it('never matches itself, and forgets removed records', () => {
    const index = new DuplicateIndex([record('a', { doi: '10.1000/x' })]);
    expect(index.find(record('a', { doi: '10.1000/x' }))).toEqual({ identifier: null, fuzzy: [] });
    index.remove('a');
    expect(index.find(record('b', { doi: '10.1000/x' })).identifier).toBeNull();
    expect(index.size).toBe(0);
  });

  it('re-keys a record added again with changed fields', () => {
    const index = new DuplicateIndex([record('a', { doi: '10.1000/old' })]);
    index.add(record('a', { doi: '10.1000/new' }));
    expect(index.find(record('b', { title: 'x', doi: '10.1000/old' })).identifier).toBeNull();
    expect(index.find(record('b', { title: 'x', doi: '10.1000/NEW' })).identifier).toEqual({ id: 'a', reason: 'doi' });
  });
});

describe('DuplicateIndex fuzzy rule (title + year ± 1 + an author)', () => {
  const fuzzyIds = (index: DuplicateIndex, candidate: MatchRecord, notDuplicates: [string, string][] = []) =>
    index.find(candidate, notDuplicates).fuzzy.map((f) => f.id);

  it('matches the same title written differently, with years one apart and an author in common', () => {
    const index = new DuplicateIndex([record('a', { title: 'TRIAL OF INTRAVENOUS IMMUNE GLOBULIN IN DERMATOMYOSITIS.', year: 2021, authors: ['Oddis CV', 'Aggarwal R'] })]);
    const found = index.find(record('b', { year: 2022, authors: ['Rohit Aggarwal'] }));
    expect(found).toEqual({ identifier: null, fuzzy: [{ id: 'a', reason: 'title-year-author' }] });
  });

  it('refuses years two apart, but not a missing year', () => {
    const index = new DuplicateIndex([record('a', { year: 2020 })]);
    expect(fuzzyIds(index, record('b', { year: 2022 }))).toEqual([]);
    expect(fuzzyIds(index, record('b', { year: 2021 }))).toEqual(['a']);
    expect(fuzzyIds(index, record('b', { year: null }))).toEqual(['a']);
  });

  it('needs an author in common: same family name and a compatible initial', () => {
    const index = new DuplicateIndex([record('a', { authors: ['Aggarwal, Rohit', 'Oddis, Chester V.'] })]);
    expect(fuzzyIds(index, record('b', { authors: ['Smith J', 'Jones K'] }))).toEqual([]);
    expect(fuzzyIds(index, record('b', { authors: ['Aggarwal S'] }))).toEqual([]);
    expect(fuzzyIds(index, record('b', { authors: ['Smith J', 'Oddis CV'] }))).toEqual(['a']);
    expect(fuzzyIds(index, record('b', { authors: ['Oddis'] }))).toEqual(['a']);
  });

  it('matches a record without authors on a title of three words or more only', () => {
    const index = new DuplicateIndex([record('a'), record('short', { title: 'Editorial' })]);
    expect(fuzzyIds(index, record('b', { authors: [] }))).toEqual(['a']);
    expect(fuzzyIds(index, record('c', { title: 'Editorial.', authors: [] }))).toEqual([]);
    expect(fuzzyIds(index, record('c', { title: 'EDITORIAL' }))).toEqual(['short']);
  });

  it('never pairs records with conflicting DOIs or PMIDs', () => {
    const index = new DuplicateIndex([record('a', { doi: '10.1000/one', pmid: '111' })]);
    expect(fuzzyIds(index, record('b', { doi: '10.1000/two' }))).toEqual([]);
    expect(fuzzyIds(index, record('b', { pmid: '222' }))).toEqual([]);
    // One side without the identifier is no conflict.
    expect(fuzzyIds(index, record('b'))).toEqual(['a']);
  });

  it('leaves out pairs a person marked as not duplicates, in either order', () => {
    const index = new DuplicateIndex([record('a', { doi: '10.1000/x' }), record('c')]);
    expect(fuzzyIds(index, record('b'), [['a', 'b']])).toEqual(['c']);
    expect(fuzzyIds(index, record('b'), [['b', 'c']])).toEqual(['a']);
    expect(index.find(record('b', { doi: '10.1000/X' }), [['a', 'b']]).identifier).toBeNull();
  });

  it('does not list the identifier match again among fuzzy ones, and lists several in id order', () => {
    const index = new DuplicateIndex([record('c'), record('a', { doi: '10.1000/x' }), record('b')]);
    const found = index.find(record('z', { doi: '10.1000/x' }));
    expect(found.identifier).toEqual({ id: 'a', reason: 'doi' });
    expect(found.fuzzy.map((f) => f.id)).toEqual(['b', 'c']);
  });

  it('pairKey is the same for both orders', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });
});
