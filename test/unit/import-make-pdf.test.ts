import { describe, expect, it } from 'vitest';
import { makeImageOnlyPdf, makePdf } from '../fixtures/make-pdf.js';
import { objectKey, rc4, rc4Security } from '../fixtures/pdf-rc4.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('test PDF writer', () => {
  it('implements RC4 (published test vectors)', () => {
    expect(hex(rc4(Buffer.from('Key'), Buffer.from('Plaintext')))).toBe('bbf316e8d940af0ad3');
    expect(hex(rc4(Buffer.from('Wiki'), Buffer.from('pedia')))).toBe('1021bf0420');
    expect(hex(rc4(Buffer.from('Secret'), Buffer.from('Attack at dawn')))).toBe('45a01f645fc35b383552544b9bf5');
  });

  it('derives R2 keys: 5-byte file key, 10-byte object keys, 32-byte O and U', () => {
    const s = rc4Security('foo', new Uint8Array(16));
    expect(s.key).toHaveLength(5);
    expect(s.o).toHaveLength(32);
    expect(s.u).toHaveLength(32);
    expect(objectKey(s.key, 7)).toHaveLength(10);
    // Algorithm 3.4: U is the padding string encrypted with the file key, so decrypting gives it back.
    expect(hex(rc4(s.key, s.u))).toBe('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a');
  });

  it('writes a well-formed file with a correct xref table', () => {
    const pdf = makePdf({ pages: [['Hello (world) \\ back'], ['Page two']], title: 'T', author: 'A' });
    const s = text(pdf);
    expect(s.startsWith('%PDF-1.4')).toBe(true);
    expect(s.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(s)![1]);
    expect(s.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...s.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, i) => expect(s.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
    expect(s).toContain('(Hello \\(world\\) \\\\ back) Tj');
    expect(s).toContain('/Count 2');
  });

  it('encrypts strings and streams when given a password, deterministically', () => {
    const a = makePdf({ pages: [['Secret words']], password: 'pw' });
    expect(text(a)).toContain('/Filter /Standard /V 1 /R 2');
    expect(text(a)).not.toContain('Secret words');
    expect(makePdf({ pages: [['Secret words']], password: 'pw' })).toEqual(a);
  });

  it('makes an image-only page without any text operator', () => {
    const s = text(makeImageOnlyPdf());
    expect(s).toContain(' re f');
    expect(s).not.toContain('Tj');
  });
});
