import { describe, expect, it } from 'vitest';
import { EMPTY_BIBLIO } from '../../shared/model/index.js';
import { extractDocument } from '../../electron/core/import/index.js';
import { decodeText } from '../../electron/core/import/decode-text.js';
import { decodeWindows1252 } from '../../electron/core/import/windows-1252.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Array<Uint8Array | number[]>) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('text decoding', () => {
  it('decodes UTF-8 with or without a BOM, and normalises line endings', () => {
    expect(decodeText(cat([0xef, 0xbb, 0xbf], enc('Caf\u00e9\r\nline\rend')), 'a.txt')).toBe('Café\nline\nend');
    expect(decodeText(enc('plain \u2014 text'), 'a.txt')).toBe('plain — text');
  });

  it('decodes UTF-16 with a BOM, and without one when the NUL pattern says so', () => {
    const le = Uint8Array.from(Buffer.from('\ufeffHé\r\nyo', 'utf16le'));
    expect(decodeText(le, 'a.txt')).toBe('Hé\nyo');
    const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    expect(decodeText(be, 'a.txt')).toBe('Hi');
    expect(decodeText(Uint8Array.from(Buffer.from('No BOM here', 'utf16le')), 'a.txt')).toBe('No BOM here');
  });

  it('falls back to windows-1252 for text that is not UTF-8', () => {
    // “Café” – 5 € in windows-1252: curly quotes, é, en dash and euro are single bytes.
    const bytes = Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    expect(decodeText(bytes, 'a.txt')).toBe('“Café” – 5 €');
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x41]))).toBe('\u0081A');
  });

  it('refuses binary data in a text file', () => {
    expect(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), 'image.txt')).toThrow(
      expect.objectContaining({ code: 'corrupt-file', message: expect.stringContaining('image.txt') }),
    );
  });
});

describe('plain-text import', () => {
  it('keeps the text and guesses the title from the first line', async () => {
    const doc = await extractDocument(enc('Intravenous Immunoglobulin Demonstrates Efficacy\r\nA recent trial showed things.\r\n'), 'news.txt');
    expect(doc).toMatchObject({ kind: 'text', ext: 'txt', pages: [], noTextLayer: false });
    expect(doc.text).toBe('Intravenous Immunoglobulin Demonstrates Efficacy\nA recent trial showed things.\n');
    expect(doc.meta.title).toBe('Intravenous Immunoglobulin Demonstrates Efficacy');
  });

  it('skips a label line above the title, and uses the file name when the first line is a sentence', async () => {
    expect((await extractDocument(enc('Article\n\nIVIG May Improve Symptoms\n\nBody.'), 'a.txt')).meta.title).toBe('IVIG May Improve Symptoms');
    expect((await extractDocument(enc('This starts with a sentence.\nMore.'), 'Notes 2021.TXT')).meta.title).toBe('Notes 2021');
  });

  it('finds byline, journal, year and DOI in the first lines', async () => {
    const text = 'A Trial Report\nBy Jane Doe and John Roe\nJournal of Examples, 2021\nDOI: 10.5555/example.42\n\nBody text.';
    expect((await extractDocument(enc(text), 'r.txt')).meta).toEqual({
      ...EMPTY_BIBLIO,
      title: 'A Trial Report',
      authors: ['Jane Doe', 'John Roe'],
      journal: 'Journal of Examples',
      year: 2021,
      doi: '10.5555/example.42',
    });
  });

  it('refuses a text file with nothing but whitespace', async () => {
    await expect(extractDocument(enc(' \r\n\t\n'), 'blank.txt')).rejects.toMatchObject({ code: 'empty-file' });
  });
});
