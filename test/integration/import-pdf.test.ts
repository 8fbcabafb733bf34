import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_BIBLIO } from '../../shared/model/index.js';
import { configurePdfExtraction, extractDocument, shutdownExtractors } from '../../electron/core/import/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { makeImageOnlyPdf, makePdf } from '../fixtures/make-pdf.js';

afterAll(async () => {
  await shutdownExtractors();
});

/** The error an extraction throws (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<EvidentiaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EvidentiaError);
    return error as EvidentiaError;
  }
  throw new Error('expected the extraction to fail');
}

const PAGES = [
  ['Intravenous Immunoglobulin in Dermatomyositis', 'By Jane Doe and John Roe', 'Journal of Skin Trials, 2021', 'doi: 10.1234/jst.2021.0042'],
  ['Results', 'At week 16 the mean change was -9.36 (95% CI -12.52 to -6.19).'],
  ['Discussion', 'Responders: 79% vs 44%.'],
];

describe('PDF import (pdf.js in a worker thread)', () => {
  it('extracts text per page, joined with page spans', async () => {
    const doc = await extractDocument(makePdf({ pages: PAGES }), 'trial.pdf');
    expect(doc.kind).toBe('pdf');
    expect(doc.ext).toBe('pdf');
    expect(doc.pages).toHaveLength(3);
    expect(doc.noTextLayer).toBe(false);
    expect(doc.extraction.engine).toBe('pdfjs-dist');
    expect(doc.extraction.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const [i, span] of doc.pages.entries()) {
      expect(span.page).toBe(i + 1);
      const pageText = doc.text.slice(span.start, span.end);
      for (const line of PAGES[i]!) expect(pageText).toContain(line);
    }
    expect(doc.text.slice(doc.pages[0]!.end, doc.pages[1]!.start)).toBe('\n\n');
  });

  it('guesses metadata from the text when the PDF has none', async () => {
    const doc = await extractDocument(makePdf({ pages: PAGES }), 'trial.pdf');
    expect(doc.meta).toEqual({
      ...EMPTY_BIBLIO,
      title: 'Intravenous Immunoglobulin in Dermatomyositis',
      authors: ['Jane Doe', 'John Roe'],
      journal: 'Journal of Skin Trials',
      year: 2021,
      doi: '10.1234/jst.2021.0042',
    });
  });

  it('prefers the info dictionary title and author, but not a junk title', async () => {
    const good = await extractDocument(makePdf({ pages: PAGES, title: 'The Real Title', author: 'Ann Poe; Bo Li' }), 'x.pdf');
    expect(good.meta.title).toBe('The Real Title');
    expect(good.meta.authors).toEqual(['Ann Poe', 'Bo Li']);
    const junk = await extractDocument(makePdf({ pages: PAGES, title: 'Microsoft Word - draft3.docx' }), 'x.pdf');
    expect(junk.meta.title).toBe('Intravenous Immunoglobulin in Dermatomyositis');
  });

  it('falls back to the file name when nothing looks like a title', async () => {
    const doc = await extractDocument(makePdf({ pages: [['this is a sentence, not a title.']] }), 'Smith 2020 trial.PDF');
    expect(doc.meta.title).toBe('Smith 2020 trial');
    expect(doc.ext).toBe('pdf');
  });

  it('asks for a password, rejects a wrong one, and opens with the right one', async () => {
    const bytes = makePdf({ pages: [['Secret outcome data', 'n = 95']], password: 'foo' });
    const need = await failure(extractDocument(bytes, 'locked.pdf'));
    expect(need.code).toBe('needs-password');
    expect(need.message).toBe('locked.pdf is password-protected. Give its password (CLI: --password, app: you will be asked).');
    const wrong = await failure(extractDocument(bytes, 'locked.pdf', { password: 'bar' }));
    expect(wrong.code).toBe('wrong-password');
    expect(wrong.message).toContain('locked.pdf');
    const doc = await extractDocument(bytes, 'locked.pdf', { password: 'foo' });
    expect(doc.text).toContain('Secret outcome data');
    expect(doc.text).toContain('n = 95');
  });

  it('decrypts the info dictionary of an encrypted PDF', async () => {
    const bytes = makePdf({ pages: [['Body text line']], title: 'Encrypted Title Here', author: 'Jane Doe', password: 'pw' });
    const doc = await extractDocument(bytes, 'enc.pdf', { password: 'pw' });
    expect(doc.meta.title).toBe('Encrypted Title Here');
    expect(doc.meta.authors).toEqual(['Jane Doe']);
  });

  it('reports a truncated PDF as damaged', async () => {
    const whole = makePdf({ pages: PAGES });
    const error = await failure(extractDocument(whole.subarray(0, 40), 'cut.pdf'));
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toMatch(/^cut\.pdf /);
  });

  it('refuses a file with a .pdf name that is not a PDF', async () => {
    const html = await failure(extractDocument(new TextEncoder().encode('<!DOCTYPE html><html>login</html>'), 'paper.pdf'));
    expect(html.code).toBe('corrupt-file');
    expect(html.message).toContain('web page');
    const junk = await failure(extractDocument(new Uint8Array(2000).fill(7), 'paper.pdf'));
    expect(junk.code).toBe('corrupt-file');
    expect(junk.message).toContain('%PDF-');
  });

  it('imports an image-only PDF with noTextLayer', async () => {
    const doc = await extractDocument(makeImageOnlyPdf(), 'scan.pdf');
    expect(doc.noTextLayer).toBe(true);
    expect(doc.pages).toHaveLength(1);
    expect(doc.text.trim()).toBe('');
    expect(doc.meta.title).toBe('scan');
  });

  it('handles several PDFs at once and leaves the caller\'s bytes intact', async () => {
    const files = [0, 1, 2, 3, 4].map((i) => makePdf({ pages: [[`Document number ${i}`]] }));
    const copies = files.map((f) => f.slice());
    const docs = await Promise.all(files.map((f, i) => extractDocument(f, `d${i}.pdf`)));
    docs.forEach((d, i) => expect(d.text).toContain(`Document number ${i}`));
    files.forEach((f, i) => expect(f).toEqual(copies[i]));
  });

  it('gives up on a PDF that takes too long, then keeps working', async () => {
    await configurePdfExtraction({ timeoutMs: 1 });
    try {
      const error = await failure(extractDocument(makePdf({ pages: PAGES }), 'slow.pdf'));
      expect(error.code).toBe('corrupt-file');
      expect(error.message).toContain('slow.pdf');
    } finally {
      await configurePdfExtraction({ timeoutMs: 60_000 });
    }
    const doc = await extractDocument(makePdf({ pages: PAGES }), 'fine.pdf');
    expect(doc.pages).toHaveLength(3);
  });
});
