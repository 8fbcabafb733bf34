import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../electron/core/citations/index.js';
import type { BiblioExportItem } from '../../electron/core/export/biblio-item.js';
import { toBibtex } from '../../electron/core/export/bibtex.js';
import { toRis } from '../../electron/core/export/ris.js';
import { EMPTY_BIBLIO, type ArticleMeta } from '../../shared/model/article.js';

const meta = (over: Partial<ArticleMeta>): ArticleMeta => ({
  title: 'Untitled',
  authors: [],
  journal: null,
  year: null,
  doi: null,
  ...EMPTY_BIBLIO,
  ...over,
});

const items: BiblioExportItem[] = [
  {
    id: 'f88c88a1f54e70be',
    meta: meta({
      title: 'IVIg in dermatomyositis: 50% & more {braces} — Řehůřek’s $x_1$ #2',
      authors: ['von Helmholtz, Hermann', 'Doe, John, Jr.', 'ProDERM Trial Group'],
      journal: 'New England Journal of Medicine',
      year: 2022,
      doi: '10.1056/NEJMoa2117912',
      pmid: '36198165',
      volume: '387',
      issue: '14',
      page: '1264-1278',
      url: 'https://example.org/a?b=1&c=2',
      type: 'article-journal',
      keywords: ['Dermatomyositis'],
      tags: ['include', 'high risk of bias'],
    }),
    abstract: 'Background: line one\nline two.',
    notes: ['Outcome: CDASI-A change IVIg week 16: -9.36 (-12.52 to -6.19)', 'Discrepancy (journal): Lancet vs NEJM'],
  },
  {
    id: '0000000000000002',
    meta: meta({ title: 'A second, untyped record', authors: ['Smith, Jane'], year: 1999, tags: ['exclude'] }),
    abstract: null,
    notes: [],
  },
];

function roundTrip(text: string, fileName: string, format: 'ris' | 'bibtex') {
  const { records, errors } = parseCitations(text, fileName, format);
  expect(errors).toEqual([]);
  return records.map(({ meta: m }) => ({ title: m.title, authors: m.authors, year: m.year, doi: m.doi, journal: m.journal, keywords: m.keywords }));
}

const expectedBack = [
  {
    title: items[0]!.meta.title,
    authors: items[0]!.meta.authors,
    year: 2022,
    doi: '10.1056/NEJMoa2117912',
    journal: 'New England Journal of Medicine',
    keywords: ['Dermatomyositis', 'include', 'high risk of bias'],
  },
  { title: 'A second, untyped record', authors: ['Smith, Jane'], year: 1999, doi: null, journal: null, keywords: ['exclude'] },
];

describe('toRis', () => {
  const ris = toRis(items);

  it('writes one tag per line with CRLF, one KW per keyword and tag, one N1 per note, the PMID as AN', () => {
    const lines = ris.split('\r\n');
    expect(ris).not.toMatch(/[^\r]\n/);
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines).toContain('AB  - Background: line one line two.');
    expect(lines.filter((l) => l.startsWith('KW  - '))).toEqual(['KW  - Dermatomyositis', 'KW  - include', 'KW  - high risk of bias', 'KW  - exclude']);
    expect(lines.filter((l) => l.startsWith('N1  - '))).toEqual(['N1  - Outcome: CDASI-A change IVIg week 16: -9.36 (-12.52 to -6.19)', 'N1  - Discrepancy (journal): Lancet vs NEJM']);
    expect(lines).toContain('AN  - 36198165');
    expect(lines.filter((l) => l.startsWith('ER  -'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toEqual(['TY  - JOUR', 'TY  - GEN']);
  });

  it('parses back to the same title, authors, year, DOI, journal and tags', () => {
    expect(roundTrip(ris, 'export.ris', 'ris')).toEqual(expectedBack);
  });

  it('writes nothing for no items', () => {
    expect(toRis([])).toBe('');
  });

  it('keeps a DOI citation-js would not write', () => {
    expect(toRis([{ id: 'x', meta: meta({ title: 'T', doi: '10.1/x' }), abstract: null, notes: [] }])).toContain('DO  - 10.1/x\r\n');
  });
});

describe('toBibtex', () => {
  const bib = toBibtex(items);

  it('escapes LaTeX specials, adds keywords, annote and pmid, and makes readable unique keys', () => {
    expect(bib).toMatch(/^@article\{helmholtz2022ivig,$/m);
    expect(bib).toMatch(/^@misc\{smith1999second,$/m);
    expect(bib).toContain('50\\%');
    expect(bib).toContain('\\&');
    expect(bib).toContain('\\#2');
    expect(bib).toMatch(/^  title = \{\{+IVIg\}+ in dermatomyositis: /m); // brace-protected, so styles keep the case
    expect(bib).toMatch(/^ {2}keywords = \{Dermatomyositis,include,high risk of bias\},$/m);
    expect(bib).toMatch(/^ {2}annote = \{Outcome: CDASI-A change IVIg week 16: -9.36 \(-12.52 to -6.19\)\n\nDiscrepancy \(journal\): Lancet vs NEJM\},$/m);
    expect(bib).toMatch(/^ {2}pmid = \{36198165\},$/m);
    expect(bib).toMatch(/^ {2}abstract = \{Background: line one\nline two\.\},$/m);
    const twice = toBibtex([items[1]!, items[1]!]);
    expect(twice.match(/^@\w+\{[^,]+,/gm)).toEqual(['@misc{smith1999second,', '@misc{smith1999seconda,']);
  });

  it('parses back to the same title, authors, year, DOI, journal and tags', () => {
    expect(roundTrip(bib, 'export.bib', 'bibtex')).toEqual(expectedBack);
  });
});
