import { describe, expect, it } from 'vitest';
import { extractDocument, isSupportedFile, kindOf } from '../../electron/core/import/index.js';
import { checkSize, hasPdfHeader } from '../../electron/core/import/guards.js';
import { EvidentiaError } from '../../shared/result.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('extractDocument dispatch and guards', () => {
  it('maps extensions to kinds, case-insensitively', () => {
    expect(kindOf('a.PDF')).toBe('pdf');
    expect(kindOf('a.Txt')).toBe('text');
    expect(kindOf('a.markdown')).toBe('markdown');
    expect(kindOf('a.HTM')).toBe('html');
    expect(kindOf('a.docx')).toBeNull();
    expect(kindOf('README')).toBeNull();
    expect(isSupportedFile('dir/x.md')).toBe(true);
  });

  it('refuses unsupported types by name', async () => {
    await expect(extractDocument(enc('x'), 'paper.docx')).rejects.toMatchObject({
      code: 'unsupported-type',
      message: 'paper.docx: .docx files are not supported; Evidentia imports PDF, text, Markdown, HTML and citation files (RIS, BibTeX, NBIB/MEDLINE, PubMed XML, CSL-JSON, EndNote XML)',
    });
    await expect(extractDocument(enc('x'), '/some/dir/Makefile')).rejects.toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(/^Makefile: /) });
  });

  it('refuses empty files, before looking at their content', async () => {
    for (const name of ['empty.pdf', 'empty.txt', 'empty.md', 'empty.html']) {
      await expect(extractDocument(new Uint8Array(0), name)).rejects.toMatchObject({ code: 'empty-file', message: `${name} is empty (0 bytes).` });
    }
  });

  it('refuses files over the size limit', () => {
    expect(() => checkSize(new Uint8Array(2 * 1024 * 1024), 'big.pdf', 1024 * 1024)).toThrow(EvidentiaError);
    expect(() => checkSize(new Uint8Array(2 * 1024 * 1024), 'big.pdf', 1024 * 1024)).toThrow(/big\.pdf is too large to import \(2 MB; the limit is 1 MB\)/);
  });

  it('finds a PDF header within the first 1024 bytes only', () => {
    expect(hasPdfHeader(enc('%PDF-1.7\n'))).toBe(true);
    expect(hasPdfHeader(enc(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(hasPdfHeader(enc(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(hasPdfHeader(enc('%PD'))).toBe(false);
  });
});
