/**
 * The PDF import benchmark's batch: trial reports of several pages each, written with the
 * project's own PDF maker (test/fixtures/make-pdf.ts), and the baseline: a plain loop running
 * poppler's pdftotext on the same files, one after another.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makePdf } from '../fixtures/make-pdf.js';
import { Rng } from './prng.js';
import { fullText } from './texts.js';

const LINE_CHARS = 88;
const LINES_PER_PAGE = 44;

function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > LINE_CHARS) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** `count` PDFs of 4–14 pages in `dir`; returns their paths and total pages. */
export async function makePdfBatch(dir: string, seed: number, count: number): Promise<{ files: string[]; pages: number }> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let pages = 0;
  for (let i = 0; i < count; i++) {
    const rng = Rng.of(seed, 0x9df, i);
    const doc = fullText(rng, 'text');
    // Helvetica's encoding has no U+2212 minus sign.
    const lines = wrap(doc.text.replace(/\u2212/g, '-'));
    const pageCount = Math.min(rng.int(4, 14), Math.ceil(lines.length / LINES_PER_PAGE));
    const pageLines = Array.from({ length: pageCount }, (_, p) => lines.slice(p * LINES_PER_PAGE, (p + 1) * LINES_PER_PAGE));
    const file = path.join(dir, `trial-${String(i + 1).padStart(2, '0')}.pdf`);
    await writeFile(file, makePdf({ pages: pageLines, title: doc.study.title, author: doc.study.authors.join('; ') }));
    files.push(file);
    pages += pageCount;
  }
  return { files, pages };
}

/** Seconds for `pdftotext FILE OUT` over every file in turn, or why it could not run. */
export function pdftotextLoop(files: readonly string[], outDir: string): { seconds: number } | { reason: string } {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return { reason: 'pdftotext is not installed (Debian: apt-get install poppler-utils)' };
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const run = spawnSync('pdftotext', [file, path.join(outDir, `${i}.txt`)], { encoding: 'utf8' });
    if (run.status !== 0) return { reason: `pdftotext failed on ${file}: ${run.stderr.trim()}` };
  }
  return { seconds: (performance.now() - started) / 1000 };
}
