import { describe, expect, it } from 'vitest';
import { detectCitationFormat, parseCitations } from '../../electron/core/citations/index.js';
import { EvidentiaError } from '../../shared/result.js';

describe('detectCitationFormat', () => {
  it('goes by extension for the dedicated citation formats', () => {
    expect(detectCitationFormat('refs.RIS', 'TY  - JOUR\nER  - \n')).toBe('ris');
    expect(detectCitationFormat('refs.bib', '@article{a, title={x}}')).toBe('bibtex');
    expect(detectCitationFormat('refs.bibtex', '@article{a, title={x}}')).toBe('bibtex');
    expect(detectCitationFormat('pubmed.nbib', 'PMID- 1\nTI  - x\n')).toBe('nbib');
    expect(detectCitationFormat('pubmed.medline', 'PMID- 1\nTI  - x\n')).toBe('nbib');
  });

  it('sniffs .txt: MEDLINE and RIS exports are citation files, prose is not', () => {
    expect(detectCitationFormat('pubmed-export.txt', '\uFEFFPMID- 12345678\nOWN - NLM\nTI  - A trial.\n')).toBe('nbib');
    expect(detectCitationFormat('wos.txt', 'TY  - JOUR\nTI  - x\nER  - \n')).toBe('ris');
    expect(detectCitationFormat('notes.txt', 'The PMID- of this paper is unknown.\nResults were mixed.')).toBeNull();
  });

  it('sniffs .xml by its root element', () => {
    const pubmed = '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "x.dtd">\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>';
    expect(detectCitationFormat('efetch.xml', pubmed)).toBe('pubmed-xml');
    expect(detectCitationFormat('library.xml', '<?xml version="1.0"?><xml><records><record/></records></xml>')).toBe('endnote-xml');
    expect(detectCitationFormat('page.xml', '<?xml version="1.0"?><html><body/></html>')).toBeNull();
  });

  it('accepts CSL-JSON arrays and items but not other JSON, nor Evidentia’s own export', () => {
    expect(detectCitationFormat('zotero.json', '[{"id":"a","type":"book","title":"T"}]')).toBe('csl-json');
    expect(detectCitationFormat('item.json', '{"type":"article-journal","title":"T"}')).toBe('csl-json');
    expect(detectCitationFormat('export.json', '{"format":"evidentia-export","type":"x","title":"Review"}')).toBeNull();
    expect(detectCitationFormat('package.json', '{"name":"x","version":"1.0.0"}')).toBeNull();
    expect(detectCitationFormat('broken.json', '[{"type":')).toBeNull();
    expect(detectCitationFormat('empty.json', '[]')).toBeNull();
  });

  it('leaves documents to the other importers', () => {
    expect(detectCitationFormat('paper.pdf', '%PDF-1.7')).toBeNull();
    expect(detectCitationFormat('paper.md', '# Title\nTY  - JOUR')).toBeNull();
  });
});

describe('parseCitations error policy', () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      return error instanceof EvidentiaError ? `${error.code}: ${error.message}` : 'other';
    }
    return 'none';
  };

  it('reports an empty file and a file without records as empty-file', () => {
    expect(code(() => parseCitations('  \n', 'a.ris', 'ris'))).toMatch(/^empty-file: a\.ris/);
    expect(code(() => parseCitations('% only a comment\n@string{j = "J"}\n', 'only.bib', 'bibtex'))).toMatch(/^empty-file: .*only\.bib.*BibTeX/);
  });

  it('reports a file whose every record is broken as corrupt-file, naming the file', () => {
    expect(code(() => parseCitations('@article{a, title=}\n@article{b, title=}\n', 'bad.bib', 'bibtex'))).toMatch(/^corrupt-file: No record in bad\.bib .*Record 1: .*line 1.*\(and 1 more record/);
    expect(code(() => parseCitations('<PubmedArticleSet><PubmedArticle>', 'cut.xml', 'pubmed-xml'))).toMatch(/^corrupt-file: cut\.xml is not well-formed XML/);
    expect(code(() => parseCitations('[{"type": "book",', 'cut.json', 'csl-json'))).toMatch(/^corrupt-file: cut\.json is not valid JSON/);
  });
});
