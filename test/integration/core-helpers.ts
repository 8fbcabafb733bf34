/**
 * Shared fixtures for the core integration tests: temporary review folders and a fake extractor
 * (so these tests pin the store's behaviour independently of the real importers, which have their
 * own tests). The fake understands:
 *   .txt / .md      text; the first line is the title
 *   .fakepdf        pages separated by form feeds, joined like real PDFs (kind 'pdf')
 *   .locked         needs the password "foo"
 *   .boom           throws a plain Error (an importer bug)
 *   .badmeta        returns a year the Article schema refuses (fails after the blob is written)
 *   anything else   unsupported-type
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { joinPages } from '../../shared/anchoring/pdf-text.js';
import { EvidentiaError } from '../../shared/result.js';
import { EMPTY_BIBLIO } from '../../shared/model/index.js';
import type { ExtractDocument, ExtractedDocument } from '../../electron/core/import/types.js';
import { openReviewWith } from '../../electron/core/open.js';
import type { Core, OpenReviewOptions } from '../../electron/core/types.js';

export const fakeExtract: ExtractDocument = async (bytes, fileName, options = {}) => {
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  if (bytes.length === 0) throw new EvidentiaError('empty-file', `${fileName} is empty (0 bytes).`);
  const text = new TextDecoder().decode(bytes);
  // "DOI: 10.x/y" and "Year: 2022" lines set those fields, so duplicate detection can be exercised.
  const doi = /^DOI: (\S+)/m.exec(text)?.[1] ?? null;
  const year = /^Year: (\d{4})$/m.exec(text)?.[1];
  const meta = { title: text.split(/[\n\f]/)[0]!.trim() || fileName, authors: [], journal: null, year: year ? Number(year) : null, doi, ...EMPTY_BIBLIO };
  const base: Omit<ExtractedDocument, 'kind' | 'text' | 'pages'> = {
    ext,
    meta,
    extraction: { engine: 'fake', version: '1' },
    noTextLayer: false,
  };
  switch (ext) {
    case 'txt':
    case 'md':
      return { ...base, kind: ext === 'md' ? 'markdown' : 'text', text, pages: [] };
    case 'fakepdf': {
      const joined = joinPages(text.split('\f'));
      return { ...base, kind: 'pdf', text: joined.text, pages: joined.pages };
    }
    case 'locked':
      if (options.password === undefined) throw new EvidentiaError('needs-password', `${fileName} needs a password.`);
      if (options.password !== 'foo') throw new EvidentiaError('wrong-password', `The password for ${fileName} is wrong.`);
      return { ...base, kind: 'text', text, pages: [] };
    case 'boom':
      throw new Error('importer bug');
    case 'badmeta':
      return { ...base, kind: 'text', text, pages: [], meta: { ...meta, year: 99999 } };
    default:
      throw new EvidentiaError('unsupported-type', `${fileName}: .${ext} files are not supported.`);
  }
};

const tempDirs: string[] = [];
const openCores: Core[] = [];

afterEach(async () => {
  for (const core of openCores.splice(0)) await core.close();
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(prefix = 'evidentia-core-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export interface TestLog {
  messages: string[];
  log: (message: string, error?: unknown) => void;
}

export function testLog(): TestLog {
  const messages: string[] = [];
  return { messages, log: (message, error) => messages.push(`${message}: ${String(error)}`) };
}

/** Open a review with the fake extractor; closed automatically after the test. */
export async function openTest(dir: string, options: OpenReviewOptions = {}): Promise<Core> {
  const core = await openReviewWith(dir, { log: () => {}, ...options }, { extractDocument: fakeExtract });
  openCores.push(core);
  return core;
}

/** A fresh review in a new temporary folder. */
export async function newReview(options: OpenReviewOptions = {}): Promise<{ dir: string; core: Core }> {
  const dir = path.join(await tempDir(), 'review');
  const core = await openTest(dir, { create: true, name: 'Test review', ...options });
  return { dir, core };
}

/** Every file under `dir`, relative, sorted (to compare folder states). */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(sub: string): Promise<void> {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out.push(`${rel}/`);
        await walk(rel);
      } else out.push(rel);
    }
  }
  await walk('');
  return out.sort();
}

export async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
