/**
 * Bad input at the importer's front door, through the real importers: empty, random, truncated,
 * mislabelled, damaged, encrypted, deeply nested and very large files (test/fixtures/hostile.ts).
 * Every file must end imported or failed with a specific message naming it; a batch goes on past
 * failures; a failed file leaves no trace in the review.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/contract.js';
import { openReview } from '../../electron/core/index.js';
import { SUPPORTED_EXTENSIONS } from '../../electron/core/import/index.js';
import type { Core } from '../../electron/core/types.js';
import { hostileFiles, manyRisRecords, writeHostileFiles } from '../fixtures/hostile.js';
import { listTree, tempDir } from './core-helpers.js';

let cores: Core[] = [];
afterEach(async () => {
  for (const core of cores) await core.close();
  cores = [];
});

async function open_(dir: string): Promise<Core> {
  const core = await openReview(dir, { create: true, name: 'Hostile', log: () => {} });
  cores.push(core);
  return core;
}

/** Every file of the review (the lock aside) with a hash of its content, to compare states. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listTree(dir)) {
    if (rel.endsWith('/') || rel === '.evidentia.lock') continue;
    out[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
  }
  return out;
}

/** What a user must never see: a generic internal error, a stack trace, or a message not naming the file. */
function vagueFailures(results: readonly ImportOutcome[]): string[] {
  return results
    .filter((r) => r.status === 'failed')
    .filter((r) => {
      const message = r.error?.message ?? '';
      return r.error?.code === 'internal' || /\n\s+at |Something went wrong|unexpected error/i.test(message) || !message.includes(path.basename(r.source));
    })
    .map((r) => `${path.basename(r.source)}: ${r.error?.code} ${r.error?.message}`);
}

const byName = (results: readonly ImportOutcome[]) => new Map(results.filter((r) => r.record === null || r.status === 'failed').map((r) => [path.basename(r.source), r]));

describe('importing a hostile corpus', () => {
  it('gives every file a result with a specific message, goes on past failures, and keeps only what imported', async () => {
    const src = await tempDir('evidentia-hostile-');
    const files = hostileFiles(SUPPORTED_EXTENSIONS);
    await writeHostileFiles(src, files);
    // Sorted last in the folder walk: it imports only if the batch went on past every failure above.
    await writeFile(path.join(src, 'zz-last-good.txt'), 'A good report after the bad ones\n\nIt still imports.\n');
    const dir = path.join(await tempDir(), 'review');
    const core = await open_(dir);

    const results = await core.importPaths([src]);
    expect(vagueFailures(results)).toEqual([]);
    const bySource = byName(results);
    expect(new Set(results.map((r) => path.basename(r.source)))).toEqual(new Set([...files.map((f) => f.name), 'zz-last-good.txt']));
    const codeOf = (name: string) => bySource.get(name)?.error?.code ?? bySource.get(name)?.status;
    expect(codeOf('zz-last-good.txt')).toBe('imported');
    expect(codeOf('empty.pdf')).toBe('empty-file');
    expect(codeOf('random.txt')).toBe('corrupt-file');
    for (const name of ['pdf-named.txt', 'binary-pdf-named.txt', 'pdf-named.ris']) {
      expect(bySource.get(name)?.error?.message).toMatch(/is a PDF saved with the wrong extension; rename it to .*-named\.pdf/);
    }
    expect(codeOf('zip-named.pdf')).toBe('corrupt-file');
    expect(codeOf('encrypted.pdf')).toBe('needs-password');
    expect(codeOf('no-xref.pdf')).toBe('corrupt-file');
    expect(codeOf('deep-quote.md')).toBe('corrupt-file');
    expect(codeOf('deep-list.md')).toBe('corrupt-file');
    expect(codeOf('deep-pubmed.xml')).toBe('corrupt-file');
    expect(codeOf('deep-endnote.xml')).toBe('corrupt-file');
    expect(bySource.get('deep-braces.bib')?.error?.message).toMatch(/nested too deeply/);
    expect(bySource.get('truncated.xml')?.error?.message).toMatch(/cut off/);
    expect(bySource.get('truncated.json')?.error?.message).toMatch(/is not valid JSON/);

    // An image-only PDF imports, flagged, so the library and reader can say why nothing is selectable.
    const scanned = bySource.get('image-only.pdf')!;
    expect(scanned.status).toBe('imported');
    expect((await core['articles.get']({ id: scanned.articleId! })).noTextLayer).toBe(true);
    expect((await core['articles.list']({})).find((a) => a.id === scanned.articleId)?.noTextLayer).toBe(true);

    // Nothing of a failed file was written: one article file per indexed article, one blob per source.
    const rows = (await core['articles.list']({})).map((a) => a.id);
    const tree = await listTree(dir);
    const articleFiles = tree.filter((f) => /^articles\/.+\.json$/.test(f)).map((f) => path.basename(f, '.json'));
    expect(articleFiles.sort()).toEqual([...new Set(rows)].sort());
    const blobs = tree.filter((f) => f.startsWith('files/') && f !== 'files/').map((f) => path.basename(f).split('.')[0]);
    const sources = await Promise.all(rows.map(async (id) => (await core['articles.get']({ id })).source.sha256));
    expect(blobs.sort()).toEqual([...new Set(sources)].sort());
  });

  it('leaves the review byte-for-byte unchanged when every file of a batch fails, and the review reopens', async () => {
    const src = await tempDir('evidentia-hostile-');
    const failing = hostileFiles(SUPPORTED_EXTENSIONS).filter((f) => /^(empty|random)\.|^deep-(quote|list|pubmed|endnote|braces|unclosed)|-named\.(pdf|txt|ris|bib|json|xml)|encrypted|no-xref|noise/.test(f.name));
    await writeHostileFiles(src, failing);
    const dir = path.join(await tempDir(), 'review');
    const core = await open_(dir);
    await core.importPaths([await goodFile()]);
    const before = await snapshot(dir);

    const results = await core.importPaths([src]);
    expect(results.filter((r) => r.status !== 'failed').map((r) => path.basename(r.source))).toEqual([]);
    expect(vagueFailures(results)).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);

    await core.close();
    const again = await open_(dir);
    expect((await again['review.info']({})).articleCount).toBe(1);
  });

  it('refuses 200 MB text and citation files before reading them, and a 200 MB non-PDF with memory to spare', async () => {
    const src = await tempDir('evidentia-hostile-big-');
    const size = 200 * 1024 * 1024;
    // Sparse files: 200 MB on paper, nothing on disk; reading one still costs 200 MB of memory.
    for (const name of ['big.txt', 'big.ris', 'big.md', 'big.pdf']) {
      const handle = await open(path.join(src, name), 'w');
      await handle.truncate(size);
      await handle.close();
    }
    const core = await open_(path.join(await tempDir(), 'review'));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const results = await core.importPaths([src], { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    const growthMb = Math.round((peak - baseline) / (1024 * 1024));
    console.log(`200 MB files: RSS grew by at most ${growthMb} MB over the batch`);

    expect(vagueFailures(results)).toEqual([]);
    const bySource = byName(results);
    for (const name of ['big.txt', 'big.ris', 'big.md']) {
      expect(bySource.get(name)?.error).toEqual({ code: 'too-large', message: expect.stringMatching(/too large to import \(200 MB; the limit for \.\w+ files is \d+ MB\)/) });
    }
    // A PDF may be up to 300 MB (scanned books), so this one is read, and refused for what it is.
    expect(bySource.get('big.pdf')?.error?.message).toMatch(/is not a PDF/);
    // The one file read whole is 200 MB; copies of it per worker or per string would show here.
    expect(growthMb).toBeLessThan(1024);
  });

  it('imports a 5,000-record RIS file as one outcome per record', async () => {
    const src = await tempDir('evidentia-hostile-ris-');
    const file = path.join(src, 'library.ris');
    await mkdir(src, { recursive: true });
    await writeFile(file, manyRisRecords(5000));
    const core = await open_(path.join(await tempDir(), 'review'));
    const results = await core.importPaths([file]);
    expect(results).toHaveLength(5000);
    expect(results.filter((r) => r.status !== 'imported')).toEqual([]);
    expect((await core['review.info']({})).articleCount).toBe(5000);
  });
});

async function goodFile(): Promise<string> {
  const dir = await tempDir('evidentia-good-');
  const file = path.join(dir, 'good.txt');
  await writeFile(file, 'A good report\n\nWith text.\n');
  return file;
}
