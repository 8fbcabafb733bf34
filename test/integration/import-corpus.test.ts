/**
 * Robustness over real third-party PDFs in ../shared/corpus/pdfs (beside the checkout, not part of
 * the project). Skips, saying why, when that folder is absent, so a fresh clone's tests still pass.
 * Every file must either import or fail with one of the specific, user-facing codes; files the
 * manifest gives a password for must open with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument, shutdownExtractors } from '../../electron/core/import/index.js';
import { EvidentiaError } from '../../shared/result.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/pdfs/', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`[import-corpus] skipped: no corpus at ${CORPUS} (it lives beside the checkout, not in it)`);

const ALLOWED_FAILURES = new Set(['needs-password', 'wrong-password', 'corrupt-file', 'too-large', 'empty-file']);

/** file -> password from manifest.tsv ("password=foo"; "(empty)" means the empty password). */
function manifestPasswords(): Map<string, string> {
  const passwords = new Map<string, string>();
  const manifest = join(CORPUS, 'manifest.tsv');
  if (!existsSync(manifest)) return passwords;
  const [header, ...rows] = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = (header ?? '').split('\t');
  const fileCol = columns.indexOf('file');
  const pwCol = columns.indexOf('password_or_expected');
  for (const row of rows) {
    const cells = row.split('\t');
    const m = /^password=(.*)$/.exec(cells[pwCol] ?? '');
    if (m && cells[fileCol]) passwords.set(cells[fileCol]!, m[1] === '(empty)' ? '' : (m[1] ?? ''));
  }
  return passwords;
}

describe.skipIf(!present)('PDF corpus robustness', () => {
  afterAll(async () => {
    await shutdownExtractors();
  });

  const files = present ? readdirSync(CORPUS).filter((f) => f.toLowerCase().endsWith('.pdf')).sort() : [];
  const passwords = present ? manifestPasswords() : new Map<string, string>();

  it.each(files)('%s imports or fails with a specific error', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, file)));
    let line: string;
    try {
      const doc = await extractDocument(bytes, file);
      expect(doc.pages.length).toBeGreaterThan(0);
      expect(doc.meta.title.length).toBeGreaterThan(0);
      const chars = doc.text.replace(/\s/g, '').length;
      line = `ok pages=${doc.pages.length} chars=${chars}${doc.noTextLayer ? ' (no text layer)' : ''} title=${JSON.stringify(doc.meta.title.slice(0, 70))} authors=${doc.meta.authors.length} journal=${JSON.stringify(doc.meta.journal)} year=${doc.meta.year} doi=${doc.meta.doi}`;
    } catch (error) {
      expect(error).toBeInstanceOf(EvidentiaError);
      const e = error as EvidentiaError;
      expect(ALLOWED_FAILURES.has(e.code), `${file}: ${e.code}: ${e.message}`).toBe(true);
      expect(e.message).toContain(file);
      line = `${e.code}: ${e.message}`;
    }
    console.log(`[import-corpus] ${file}: ${line}`);
  });

  const withPassword = [...passwords.entries()].filter(([file, pw]) => pw !== '' && files.includes(file));
  it.each(withPassword)('%s opens with the manifest password', async (file, password) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, file)));
    const doc = await extractDocument(bytes, file, { password });
    expect(doc.text.trim().length).toBeGreaterThan(0);
    await expect(extractDocument(bytes, file)).rejects.toMatchObject({ code: 'needs-password' });
    await expect(extractDocument(bytes, file, { password: `${password}-wrong` })).rejects.toMatchObject({ code: 'wrong-password' });
  });
});
