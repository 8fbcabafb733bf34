import { describe, expect, it } from 'vitest';
import { mergeAbstract, mergeArticles, mergeBiblio, richerText } from '../../shared/duplicates/merge.js';
import { EMPTY_BIBLIO, type Article, type ArticleMeta, type SourceFile } from '../../shared/model/index.js';

const META: ArticleMeta = {
  title: 'Trial of Intravenous Immune Globulin in Dermatomyositis',
  authors: ['Aggarwal R'],
  journal: 'N Engl J Med',
  year: 2022,
  doi: null,
  ...EMPTY_BIBLIO,
  keywords: ['IVIg'],
  tags: ['include'],
};

function file(sha: string, ext: string, fileName = `file.${ext}`): SourceFile {
  const sha256 = sha.repeat(64).slice(0, 64);
  return { fileName, sha256, ext, bytes: 10, storedAs: `files/${sha256}.${ext}` };
}

function article(id: string, fields: Partial<Article> = {}): Article {
  return {
    ...META,
    schemaVersion: 2,
    id,
    kind: 'text',
    source: file('a', 'txt'),
    attachments: [],
    abstract: null,
    text: 'Full text',
    pages: [],
    extraction: { engine: 'text', version: '1' },
    importedAt: '2024-01-01T00:00:00.000Z',
    noTextLayer: false,
    ...fields,
  };
}

describe('mergeBiblio', () => {
  it("keeps the kept record's values and fills only what it lacks", () => {
    const merged = mergeBiblio(META, {
      ...META,
      journal: 'The Lancet',
      year: 2023,
      doi: '10.1056/NEJMoa2117912',
      pmid: '35921536',
      volume: '387',
      url: 'https://example.org',
      type: 'article-journal',
    });
    expect(merged).toMatchObject({ journal: 'N Engl J Med', year: 2022, doi: '10.1056/NEJMoa2117912', pmid: '35921536', volume: '387', type: 'article-journal' });
  });

  it('takes a complete title over a truncated one, a longer author list, and unions keywords and tags', () => {
    const kept = { ...META, title: 'Trial of Intravenous Immune Globulin…', authors: ['Aggarwal R', 'Oddis CV'], page: '1453', tags: ['include', 'RCT'] };
    const merged = mergeBiblio(kept, { ...META, authors: ['Aggarwal R', 'Charles-Schoeman C', 'Schessl J'], page: '1453-1464', keywords: ['ivig', 'Dermatomyositis'], tags: ['rct', 'checked'] });
    expect(merged.title).toBe(META.title);
    expect(merged.authors).toEqual(['Aggarwal R', 'Charles-Schoeman C', 'Schessl J']);
    expect(merged.page).toBe('1453-1464');
    expect(merged.keywords).toEqual(['IVIg', 'Dermatomyositis']);
    expect(merged.tags).toEqual(['include', 'RCT', 'checked']);
  });

  it('keeps a title that is not a prefix of the other, and an equally long author list', () => {
    const merged = mergeBiblio({ ...META, authors: ['Aggarwal R'] }, { ...META, title: 'A different title altogether', authors: ['Rohit Aggarwal'] });
    expect(merged.title).toBe(META.title);
    expect(merged.authors).toEqual(['Aggarwal R']);
  });

  it('returns the rest of the kept record unchanged', () => {
    const kept = article('k');
    const merged = mergeBiblio(kept, { ...META, doi: '10.1/x' });
    expect(merged).toEqual({ ...kept, doi: '10.1/x' });
    expect(kept.doi).toBeNull(); // not mutated
  });
});

describe('richerText and mergeAbstract', () => {
  it('fills empties and completes truncations only', () => {
    expect(richerText(null, 'x')).toBe('x');
    expect(richerText('  ', 'x')).toBe('x');
    expect(richerText('abc', null)).toBe('abc');
    expect(richerText('Results: 79%...', 'Results: 79% vs 44%')).toBe('Results: 79% vs 44%');
    expect(richerText('Results: 80%', 'Results: 79% vs 44%')).toBe('Results: 80%');
    expect(mergeAbstract(null, null)).toBeNull();
    expect(mergeAbstract('', '  ')).toBeNull();
    expect(mergeAbstract(null, 'Background.')).toBe('Background.');
    expect(mergeAbstract('Kept.', 'Other, longer abstract.')).toBe('Kept.');
  });
});

describe('mergeArticles', () => {
  it('keeps the kept text and adds every other file once', () => {
    const kept = article('k', { source: file('a', 'pdf'), kind: 'pdf', attachments: [file('c', 'ris')] });
    const other = article('o', { source: file('b', 'pdf'), attachments: [file('c', 'ris'), file('a', 'pdf'), file('d', 'bib')], text: 'Other text', abstract: 'Abstract.' });
    const merged = mergeArticles(kept, other);
    expect(merged.id).toBe('k');
    expect(merged.text).toBe('Full text');
    expect(merged.source).toEqual(kept.source);
    expect(merged.attachments.map((f) => f.ext)).toEqual(['ris', 'pdf', 'bib']);
    expect(merged.attachments.map((f) => f.sha256[0])).toEqual(['c', 'b', 'd']);
    expect(merged.abstract).toBe('Abstract.');
  });

  it("gives a citation record the other's full text, keeping its own file as an attachment", () => {
    const record = article('k', { kind: 'citation', source: { ...file('r', 'ris'), record: 3 }, text: 'Abstract of record', abstract: 'Abstract of record', doi: '10.1/x' });
    const pdf = article('o', { kind: 'pdf', source: file('p', 'pdf'), text: 'Page one\fPage two', pages: [{ page: 1, start: 0, end: 8 }], extraction: { engine: 'pdfjs-dist', version: '5' } });
    const merged = mergeArticles(record, pdf);
    expect(merged).toMatchObject({ id: 'k', kind: 'pdf', text: 'Page one\fPage two', source: pdf.source, extraction: pdf.extraction, doi: '10.1/x', abstract: 'Abstract of record' });
    expect(merged.pages).toEqual(pdf.pages);
    expect(merged.attachments).toEqual([record.source]);
  });

  it('keeps full text when the other is only a citation record', () => {
    const pdf = article('k', { kind: 'pdf', source: file('p', 'pdf') });
    const record = article('o', { kind: 'citation', source: file('r', 'ris'), text: 'Abstract', abstract: 'Abstract' });
    const merged = mergeArticles(pdf, record);
    expect(merged.kind).toBe('pdf');
    expect(merged.source).toEqual(pdf.source);
    expect(merged.attachments).toEqual([record.source]);
  });
});
