import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../electron/core/citations/index.js';

const bib = (text: string) => parseCitations(text, 'refs.bib', 'bibtex');

describe('BibTeX import', () => {
  it('maps an article to the model: names "Family, Given", journal, year, ids, pages, keywords, abstract', () => {
    const { records, errors, format } = bib(`
@article{smith2020,
  author = {Smith, Jane and van der Berg, Piet and {World Health Organization}},
  title = {Effect of {IVIg} on dermatomyositis},
  journal = {The Lancet},
  year = 2020, volume = {395}, number = {3}, pages = {45--50},
  doi = {https://doi.org/10.1016/S0140-6736(20)30001-1},
  pmid = {31234567},
  keywords = {dermatomyositis; immunoglobulin},
  abstract = {Background. We tested
    something.},
}`);
    expect(format).toBe('bibtex');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        record: 1,
        meta: {
          title: 'Effect of IVIg on dermatomyositis',
          authors: ['Smith, Jane', 'van der Berg, Piet', 'World Health Organization'],
          journal: 'The Lancet',
          year: 2020,
          doi: '10.1016/S0140-6736(20)30001-1',
          pmid: '31234567',
          volume: '395',
          issue: '3',
          page: '45-50',
          url: null,
          type: 'article-journal',
          keywords: ['dermatomyositis', 'immunoglobulin'],
        },
        abstract: 'Background. We tested something.',
      },
    ]);
  });

  it('reads entries without a citation key, as JabRef writes them', () => {
    const text = '@article{,\n  title = {Keyless one},\n  year = {2010}\n}\n\n@article{k2,\n  title = {Keyed two}\n}\n';
    const { records, errors } = parseCitations(text, 'jabref.bib', 'bibtex');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.record, r.meta.title, r.meta.year])).toEqual([
      [1, 'Keyless one', 2010],
      [2, 'Keyed two', null],
    ]);
  });

  it('decodes LaTeX accents in every spelling', () => {
    const [record] = bib(`@article{a, author = {Sch{\\"o}n, Ren\\'{e} and {\\v R}eh{\\r u}{\\v r}ek, Radim and M\\"uller, J}, title = {Caf\\'{e} {\\"o}sterreich}}`).records;
    expect(record?.meta.authors).toEqual(['Schön, René', 'Řehůřek, Radim', 'Müller, J']);
    expect(record?.meta.title).toBe('Café österreich');
  });

  it('makes @string macros available to every entry, even when another entry is broken', () => {
    const text = `@string{lancet = "The Lancet"}
@preamble{"\\newcommand{\\noop}[1]{}"}
@article{a, title = {First}, journal = lancet, year = 2001}
@article{b, title = }
@article{c, title = "Third " # "part", journal = lancet, year = 2003}
`;
    const { records, errors } = bib(text);
    expect(records.map((r) => [r.record, r.meta.title, r.meta.journal])).toEqual([
      [1, 'First', 'The Lancet'],
      [3, 'Third part', 'The Lancet'],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ record: 2 });
    expect(errors[0]!.reason).toMatch(/@article\{b\} on line 4 could not be read/);
  });

  it('inherits crossref fields from the parent entry, also when the file needs per-entry parsing', () => {
    const text = `@inproceedings{child, title = {A paper}, author = {Doe, Jo}, crossref = {proc}}
@misc{broken, title = {never closed
@proceedings{proc, title = {Proceedings of Things}, booktitle = {Proceedings of Things}, year = 1999}
`;
    const { records, errors } = bib(text);
    const child = records.find((r) => r.record === 1);
    expect(child?.meta).toMatchObject({ title: 'A paper', journal: 'Proceedings of Things', year: 1999, type: 'paper-conference' });
    expect(errors).toEqual([{ record: 2, reason: expect.stringMatching(/@misc\{broken\} on line 2 is not closed/) }]);
    expect(records.find((r) => r.record === 3)?.meta.title).toBe('Proceedings of Things');
  });

  it('reads ( ) delimiters, @comment blocks and text between entries as BibTeX does', () => {
    const { records, errors } = bib(`Exported by a tool (2024).
@comment{ @article{ghost, title={Not an entry}} }
@book(key1, title = "Bracket (round) title", year = 1990)
`);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.record, r.meta.title, r.meta.year])).toEqual([[1, 'Bracket (round) title', 1990]]);
  });
});
