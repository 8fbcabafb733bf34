import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../electron/core/citations/index.js';

describe('EndNote XML import', () => {
  const style = (text: string, face = 'normal') => `<style face="${face}" font="default" size="100%">${text}</style>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><xml><records>
<record><ref-type name="Journal Article">17</ref-type>
  <contributors><authors><author>${style('Foderaro, Lisa W')}</author><author>${style('WHO')}</author></authors></contributors>
  <titles><title>${style('Rooftop ')}${style('greenhouse', 'italic')}${style(' &amp; city farming')}</title><secondary-title>${style('NY Times')}</secondary-title></titles>
  <periodical><full-title>${style('New York Times')}</full-title></periodical>
  <pages>${style('A20-A21')}</pages><volume>161</volume><number>3</number>
  <keywords><keyword>${style('urban farming')}</keyword><keyword>roofs</keyword></keywords>
  <dates><year>${style('2012')}</year></dates>
  <electronic-resource-num>${style('10.1000/nyt.2012.1')}</electronic-resource-num>
  <accession-num>22334455</accession-num><remote-database-provider>NLM</remote-database-provider>
  <urls><related-urls><url>${style('https://example.org/roof')}</url></related-urls></urls>
  <abstract>${style('A greenhouse.')}</abstract>
</record>
<record><ref-type name="Book Section">5</ref-type>
  <contributors><authors><author>Mares, Isabela</author></authors><secondary-authors><author>Hall, Peter A.</author></secondary-authors></contributors>
  <titles><title>Firms and the welfare state</title><secondary-title>Varieties of capitalism</secondary-title></titles>
  <dates><year>2001</year></dates>
</record>
<record><ref-type name="Book">6</ref-type><titles/><dates/></record>
<record><ref-type name="Book">6</ref-type><titles><title>Steve Jobs</title><secondary-title>Series name</secondary-title></titles></record>
</records></xml>`;

  it('flattens <style> runs and maps journal articles, book sections and books', () => {
    const { records, errors } = parseCitations(xml, 'library.xml', 'endnote-xml');
    expect(records[0]).toEqual({
      record: 1,
      meta: {
        title: 'Rooftop greenhouse & city farming',
        authors: ['Foderaro, Lisa W', 'WHO'],
        journal: 'New York Times',
        year: 2012,
        doi: '10.1000/nyt.2012.1',
        pmid: '22334455',
        volume: '161',
        issue: '3',
        page: 'A20-A21',
        url: 'https://example.org/roof',
        type: 'article-journal',
        keywords: ['urban farming', 'roofs'],
      },
      abstract: 'A greenhouse.',
    });
    expect(records[1]?.meta).toMatchObject({ type: 'chapter', journal: 'Varieties of capitalism', authors: ['Mares, Isabela'], year: 2001 });
    // A book's secondary title is its series, not a container.
    expect(records[2]?.meta).toMatchObject({ title: 'Steve Jobs', type: 'book', journal: null });
    expect(records.map((r) => r.record)).toEqual([1, 2, 4]);
    expect(errors).toEqual([{ record: 3, reason: 'Record 3 has no title, authors or identifiers.' }]);
  });
});

describe('CSL-JSON import', () => {
  it('maps names (particles, suffixes, literals), date-parts given as strings, and keeps going past bad items', () => {
    const json = JSON.stringify([
      {
        id: 'x',
        type: 'article-journal',
        title: ' Stochastic   models ',
        author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, { literal: 'The Cochrane Collaboration' }],
        'container-title': 'Cochrane Database Syst Rev',
        issued: { 'date-parts': [['2013', 1, 1]] },
        DOI: 'doi:10.1002/14651858.CD000001',
        PMID: 12345,
        keyword: 'alpha, beta',
        abstract: 'Text.',
      },
      'not an item',
      { id: 'y', type: 'book', title: 'Second', issued: { raw: 'Spring 1999' } },
    ]);
    const { records, errors } = parseCitations(json, 'items.json', 'csl-json');
    expect(records[0]?.meta).toEqual({
      title: 'Stochastic models',
      authors: ['van Beethoven, Ludwig', 'King, Martin Luther, Jr.', 'The Cochrane Collaboration'],
      journal: 'Cochrane Database Syst Rev',
      year: 2013,
      doi: '10.1002/14651858.CD000001',
      pmid: '12345',
      volume: null,
      issue: null,
      page: null,
      url: null,
      type: 'article-journal',
      keywords: ['alpha', 'beta'],
    });
    expect(records[1]).toMatchObject({ record: 3, meta: { title: 'Second', year: 1999, type: 'book' } });
    expect(errors).toEqual([{ record: 2, reason: 'Item 2 is not a CSL-JSON object.' }]);
  });

  it('reads a single CSL item object', () => {
    const { records } = parseCitations('{"type":"book","title":"Alone","id":"1"}', 'one.json', 'csl-json');
    expect(records.map((r) => r.meta.title)).toEqual(['Alone']);
  });
});
