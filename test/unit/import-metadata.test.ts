import { describe, expect, it } from 'vitest';
import { EMPTY_BIBLIO } from '../../shared/model/index.js';
import {
  authorsFromByline,
  findDoi,
  findDois,
  guessFromText,
  isJunkTitle,
  journalFromLine,
  looksLikeTitle,
  mergeMeta,
  normaliseDoi,
  splitAuthors,
  titleFromFileName,
  titleFromLines,
  yearOfDate,
} from '../../shared/extraction/metadata.js';
import { titleFromSizedLines } from '../../shared/extraction/pdf-title.js';

describe('DOIs', () => {
  it('finds DOIs as printed and trims sentence punctuation', () => {
    expect(findDoi('See doi: 10.1056/NEJMoa2117912.')).toBe('10.1056/NEJMoa2117912');
    expect(findDoi('https://doi.org/10.1016/j.eclinm.2023.102234 (accessed)')).toBe('10.1016/j.eclinm.2023.102234');
    expect(findDoi('(doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E)')).toBe('10.1002/(SICI)1097-0258(19980430)17:8');
    expect(findDoi('no identifier here 10.12/x')).toBeNull();
    expect(findDois('10.1234/a, 10.1234/A and 10.5555/b')).toEqual(['10.1234/a', '10.5555/b']);
    expect(normaliseDoi('doi:10.1000/xyz123')).toBe('10.1000/xyz123');
    expect(normaliseDoi('')).toBeNull();
  });
});

describe('years', () => {
  it('reads PDF, ISO and free-text dates', () => {
    expect(yearOfDate('D:20200502083329Z')).toBe(2020);
    expect(yearOfDate('2021-03-04')).toBe(2021);
    expect(yearOfDate('March 1999')).toBe(1999);
    expect(yearOfDate('D:18500101')).toBeNull();
    expect(yearOfDate('dose 2500 mg')).toBeNull();
    expect(yearOfDate(null)).toBeNull();
  });
});

describe('titles', () => {
  it('recognises junk metadata titles', () => {
    for (const junk of ['Microsoft Word - trial.docx', 'untitled', 'Untitled', 'paper_final_v3', 'draft.pdf', '', '  ', '1234', 'Proceedings Template - WORD', 'abc\u0003def']) {
      expect(isJunkTitle(junk), junk).toBe(true);
    }
    expect(isJunkTitle('Trial of Intravenous Immune Globulin in Dermatomyositis')).toBe(false);
  });

  it('takes the first line of a text only when it looks like a title', () => {
    expect(titleFromLines(['', 'Article', '', 'IVIG May Improve Dermatomyositis Symptoms', 'Body.'])).toBe('IVIG May Improve Dermatomyositis Symptoms');
    expect(titleFromLines(['This is a sentence that ends with a period.', 'Another'])).toBeNull();
    expect(titleFromLines(['https://example.org/page'])).toBeNull();
    expect(looksLikeTitle('Does IVIg work?')).toBe(true);
    expect(looksLikeTitle('x'.repeat(300))).toBe(false);
  });

  it('falls back to the file name without extension or folders', () => {
    expect(titleFromFileName('dir/sub\\Smith 2020.final.PDF')).toBe('Smith 2020.final');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });

  it('finds a PDF title from font sizes, joining wrapped lines and skipping running headers', () => {
    const lines = [
      { text: 'Proceedings of the 1st Meeting, pages 1–9', size: 9 },
      { text: 'arXiv:2101.00001v1 [cs.CL] 1 Jan 2021', size: 20 },
      { text: 'A Large Title That', size: 17 },
      { text: 'Wraps Onto Two Lines', size: 17 },
      { text: 'Jane Doe, John Roe', size: 12 },
      { text: 'Abstract', size: 12 },
      { text: 'Body text body text body text.', size: 10 },
    ];
    expect(titleFromSizedLines(lines)).toBe('A Large Title That Wraps Onto Two Lines');
    expect(titleFromSizedLines([{ text: 'Plain First Line', size: 12 }, { text: 'more text here.', size: 12 }])).toBe('Plain First Line');
    expect(titleFromSizedLines([{ text: 'just a sentence, really.', size: 12 }])).toBeNull();
    expect(titleFromSizedLines([{ text: 'Mai 30, 18 13:27 Page 1/1', size: 12 }])).toBeNull();
    expect(titleFromSizedLines([{ text: 'Mai 30, 18 13:27', size: 14 }, { text: 'Page 1/1', size: 14 }, { text: 'Printed by someone', size: 14 }])).toBeNull();
    expect(titleFromSizedLines([])).toBeNull();
  });
});

describe('authors', () => {
  it('splits author fields the ways tools write them', () => {
    expect(splitAuthors('Kyle Lo ; Lucy Lu Wang ; Mark Neumann')).toEqual(['Kyle Lo', 'Lucy Lu Wang', 'Mark Neumann']);
    expect(splitAuthors('Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitAuthors('Jane Doe, John Roe & Ann Poe')).toEqual(['Jane Doe', 'John Roe', 'Ann Poe']);
    expect(splitAuthors('Doe, Jane')).toEqual(['Doe, Jane']);
    expect(splitAuthors('Administrator')).toEqual([]);
    expect(splitAuthors(null)).toEqual([]);
  });

  it('reads bylines and ignores sentences that start with "By"', () => {
    expect(authorsFromByline('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(authorsFromByline('Authors: Victoria P. Werth, Rohit Aggarwal')).toEqual(['Victoria P. Werth', 'Rohit Aggarwal']);
    expect(authorsFromByline('By the end of 2020 most trials had stopped')).toBeNull();
    expect(authorsFromByline('Jane Doe and John Roe')).toBeNull();
  });
});

describe('journals', () => {
  it('finds journal names and their year in citation-like lines', () => {
    expect(journalFromLine('Journal of X, 2021')).toEqual({ journal: 'Journal of X', year: 2021 });
    expect(journalFromLine('N Engl J Med 2022;387:1264-78')).toEqual({ journal: 'N Engl J Med', year: 2022 });
    expect(journalFromLine('IEEE TRANSACTIONS ON INFORMATION FORENSICS AND SECURITY, VOL. 14, NO. 2')).toEqual({
      journal: 'IEEE TRANSACTIONS ON INFORMATION FORENSICS AND SECURITY',
      year: null,
    });
    expect(journalFromLine('Proceedings of the 17th Conference of the European Chapter of the Association for Computational Linguistics, pages 1650–1669')?.journal).toBe(
      'Proceedings of the 17th Conference of the European Chapter of the Association for Computational Linguistics',
    );
    expect(journalFromLine('The Lancet | Volume 395, 2020')).toEqual({ journal: 'The Lancet', year: 2020 });
  });

  it('does not take a sentence mentioning a journal, or a lowercase phrase, for one', () => {
    expect(journalFromLine('This study was published in The Lancet by Victoria P. Werth and colleagues, who led a trial that ran for years across sites.')).toBeNull();
    expect(journalFromLine('and digital archives into a unified source')).toBeNull();
    expect(journalFromLine('maintain attribution to the author(s) and the title of the work, journal citation and DOI.')).toBeNull();
  });
});

describe('guessFromText', () => {
  it('reads a header: title, byline, journal with year, DOI', () => {
    const text = ['Intravenous Immunoglobulin in Dermatomyositis', 'By Jane Doe and John Roe', 'Journal of Skin Trials, 2021', 'doi: 10.1234/jst.2021.0042', '', 'Body.'].join('\n');
    expect(guessFromText(text)).toEqual({
      title: 'Intravenous Immunoglobulin in Dermatomyositis',
      authors: ['Jane Doe', 'John Roe'],
      journal: 'Journal of Skin Trials',
      year: 2021,
      doi: '10.1234/jst.2021.0042',
    });
  });

  it('takes a year from a "Published" line when no journal line has one', () => {
    expect(guessFromText('A Title Here\nPublished: 12 March 2019\n\nText.').year).toBe(2019);
  });

  it('takes journal and year from the reference that holds the only DOI (a news piece citing one study)', () => {
    const filler = 'Body sentence number one. '.repeat(400);
    const news = `News Title\n${filler}\nReference\nAggarwal, R., Charles-Schoeman, C. et al. Trial of Intravenous Immune Globulin in Dermatomyositis. 2022. N Engl J Med 2022;387:1264-78. DOI: 10.1056/NEJMoa2117912\n`;
    expect(guessFromText(news)).toMatchObject({ journal: 'N Engl J Med', year: 2022, doi: '10.1056/NEJMoa2117912' });
    const other = `News Title\n${filler}\nWerth, V. P. et al. Efficacy of IVIg: a post-hoc analysis. EClinicalMedicine,2023;64(102234):102234. https://doi.org/10.1016/j.eclinm.2023.102234\n`;
    expect(guessFromText(other)).toMatchObject({ journal: 'EClinicalMedicine', year: 2023, doi: '10.1016/j.eclinm.2023.102234' });
  });

  it('uses the only DOI of a long text, but not one of many in a reference list', () => {
    const filler = 'Body sentence number one. '.repeat(400);
    expect(guessFromText(`News Title\n${filler}\nReference: doi 10.1056/NEJMoa2117912`).doi).toBe('10.1056/NEJMoa2117912');
    expect(guessFromText(`News Title\n${filler}\n10.1/aaaa1 10.2000/b 10.3000/c`).doi).toBeNull();
  });
});

describe('mergeMeta', () => {
  it('takes each field from the first source with a usable value', () => {
    expect(
      mergeMeta(
        'file.pdf',
        { title: 'Microsoft Word - x.docx', authors: [], journal: '', year: 1500, doi: null },
        { title: 'Good  Title', authors: ['A B'], journal: 'Journal of Z', year: 2020, doi: '10.1/x' },
        { title: 'Other', authors: ['C D'] },
      ),
    ).toEqual({ ...EMPTY_BIBLIO, title: 'Good Title', authors: ['A B'], journal: 'Journal of Z', year: 2020, doi: '10.1/x' });
  });

  it('falls back to the file name for the title and to null / [] for the rest', () => {
    expect(mergeMeta('Smith 2020.txt', {})).toEqual({ ...EMPTY_BIBLIO, title: 'Smith 2020', authors: [], journal: null, year: null, doi: null });
  });
});
