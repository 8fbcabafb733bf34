/** TextIndex: AND/prefix semantics, ranking with the bibliographic boost, re-indexing, and the file round trip. */
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleStamp, indexDocOf, rowStamp } from '../../electron/core/search/documents';
import { loadIndexFile, saveIndexFile, UnusableIndexFile } from '../../electron/core/search/index-file';
import { parseQuery } from '../../electron/core/search/query';
import { MAX_EXPANSIONS, TextIndex } from '../../electron/core/search/text-index';
import { indexRowOf } from '../../electron/core/articles';
import { ARTICLE_SCHEMA_VERSION, EMPTY_BIBLIO, type Article } from '../../shared/model/index';

function search(index: TextIndex, q: string): string[] {
  return index.search(parseQuery(q)!).hits.map((h) => h.id);
}

function sample(): TextIndex {
  const index = new TextIndex();
  index.upsert({ id: 'a', stamp: '1', bib: 'IVIg in dermatomyositis Werth 2022', body: 'Placebo arm mortality was low. Café au lait.' });
  index.upsert({ id: 'b', stamp: '1', bib: 'Mortality after surgery', body: 'IVIg was not used; placebo only in the control arm.' });
  index.upsert({ id: 'c', stamp: '1', bib: 'Unrelated report', body: 'Nothing about immunoglobulin here, mortal danger.' });
  return index;
}

describe('TextIndex.search', () => {
  it('requires every word, in any field', () => {
    expect(search(sample(), 'ivig placebo ').sort()).toEqual(['a', 'b']);
    expect(search(sample(), 'werth placebo ')).toEqual(['a']);
    expect(search(sample(), 'ivig nothing ')).toEqual([]);
  });

  it('matches the last word as a prefix while typing, whole once finished', () => {
    expect(search(sample(), 'mort').sort()).toEqual(['a', 'b', 'c']);
    expect(search(sample(), 'mortal ')).toEqual(['c']);
    expect(search(sample(), 'placebo mortali').sort()).toEqual(['a', 'b']);
    expect(search(sample(), 'zzz')).toEqual([]);
  });

  it('ignores case and accents', () => {
    expect(search(sample(), 'CAFÉ')).toEqual(['a']);
    expect(search(sample(), 'cafe')).toEqual(['a']);
  });

  it('ranks a match in the title/authors first', () => {
    expect(search(sample(), 'mortality ')[0]).toBe('b');
    expect(search(sample(), 'ivig ')[0]).toBe('a');
  });

  it('gives the best `limit` hits in the order of the full ranking, and counts them all', () => {
    const index = new TextIndex();
    // Same score for many (ties keep FlexSearch's order), title matches boosted, stale versions skipped.
    for (let i = 0; i < 40; i++) {
      const early = i % 3 === 0 ? 'placebo first.' : `Words before the arm number ${i} placebo.`;
      index.upsert({ id: `d${i}`, stamp: '1', bib: i % 7 === 0 ? `Placebo trial ${i}` : `Trial ${i}`, body: early });
    }
    index.upsert({ id: 'd5', stamp: '2', bib: 'Renamed', body: 'placebo again' });
    for (const q of ['placebo ', 'plac', 'placebo arm', 'trial plac']) {
      const full = index.search(parseQuery(q)!);
      expect(full.total).toBe(full.hits.length);
      for (const limit of [1, 3, 10, 39, 40, 41]) {
        const top = index.search(parseQuery(q)!, limit);
        expect(top.total).toBe(full.total);
        expect(top.hits).toEqual(full.hits.slice(0, limit));
      }
    }
    const kept = index.search(parseQuery('placebo ')!, 5, (id) => id !== 'd0' && id !== 'd7');
    expect(kept.total).toBe(38);
    expect(kept.hits.map((h) => h.id)).toEqual(
      index
        .search(parseQuery('placebo ')!)
        .hits.map((h) => h.id)
        .filter((id) => id !== 'd0' && id !== 'd7')
        .slice(0, 5),
    );
    // A query cut short by an error leaves nothing behind for the next one.
    const before = index.search(parseQuery('placebo ')!, 10);
    expect(() =>
      index.search(parseQuery('placebo ')!, 10, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(index.search(parseQuery('placebo ')!, 10)).toEqual(before);
  });

  it('re-indexes an article under a new version and forgets the old one', () => {
    const index = sample();
    index.upsert({ id: 'a', stamp: '2', bib: 'Renamed trial', body: 'Completely different words.' });
    expect(search(index, 'werth ')).toEqual([]);
    expect(search(index, 'renamed ')).toEqual(['a']);
    expect(index.stampOf('a')).toBe('2');
    expect(index.drop('a')).toBe(true);
    expect(index.drop('a')).toBe(false);
    expect(search(index, 'renamed ')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('expands a short prefix to the most frequent words only', () => {
    const index = new TextIndex();
    const words = Array.from({ length: MAX_EXPANSIONS + 10 }, (_, i) => `pre${String(i).padStart(2, '0')}x`);
    words.forEach((w, i) => index.upsert({ id: `d${i}`, stamp: '1', bib: '', body: i < 5 ? `${w} common` : w }));
    for (let i = 0; i < 5; i++) index.upsert({ id: `e${i}`, stamp: '1', bib: '', body: 'pre00x' });
    const expanded = index.expand('pre');
    expect(expanded).toHaveLength(MAX_EXPANSIONS);
    expect(expanded).toContain('pre00x');
  });
});

describe('index file', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function tempFile(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'evidentia-search-'));
    dirs.push(dir);
    return path.join(dir, '.index', 'search-v1.ndjson');
  }

  it('round-trips: same hits, same stamps, stale versions left out', async () => {
    const file = await tempFile();
    const index = sample();
    index.upsert({ id: 'b', stamp: '2', bib: 'Mortality after surgery', body: 'Now about kidneys.' });
    await saveIndexFile(file, index);
    const loaded = (await loadIndexFile(file))!;
    for (const q of ['mort', 'ivig placebo ', 'cafe', 'kidn', 'control ']) expect(search(loaded, q)).toEqual(search(index, q));
    expect(loaded.stampOf('b')).toBe('2');
    expect(loaded.size).toBe(3);
    expect(loaded.stale.size).toBe(0);
    expect([...loaded.all.reg].sort()).toEqual([...index.docs.values()].map((d) => d.num).sort());
    // New documents after a reload get fresh numbers.
    loaded.upsert({ id: 'd', stamp: '1', bib: 'New', body: 'kidney' });
    expect(search(loaded, 'kidn').sort()).toEqual(['b', 'd']);
  });

  it('is null when missing, UnusableIndexFile when damaged, truncated or of another version', async () => {
    const file = await tempFile();
    expect(await loadIndexFile(file)).toBeNull();
    await saveIndexFile(file, sample());
    const good = await readFile(file, 'utf8');
    const lines = good.trimEnd().split('\n');
    const variants = [
      'garbage',
      lines.slice(0, -1).join('\n'),
      lines.filter((_, i) => i !== 1).join('\n'),
      good.replace('"version":1', '"version":0'),
      good.replace('"tokenizer":1', '"tokenizer":99'),
      `${good}extra\n`,
    ];
    for (const text of variants) {
      await writeFile(file, text);
      await expect(loadIndexFile(file)).rejects.toBeInstanceOf(UnusableIndexFile);
    }
  });
});

describe('stamps', () => {
  it('are equal for an article and its review.json row, and change with what is indexed', () => {
    const article: Article = {
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id: '0123456789abcdef',
      kind: 'text',
      ...EMPTY_BIBLIO,
      title: 'IVIg in dermatomyositis',
      authors: ['Werth VP'],
      journal: 'NEJM',
      year: 2022,
      doi: '10.1056/x',
      source: { fileName: 'a.txt', sha256: 'a'.repeat(64), ext: 'txt', bytes: 10, storedAs: `files/${'a'.repeat(64)}.txt` },
      attachments: [],
      abstract: null,
      text: 'Body',
      pages: [],
      extraction: { engine: 'text', version: '1' },
      importedAt: '2024-01-01T00:00:00.000Z',
      noTextLayer: false,
    };
    expect(articleStamp(article)).toBe(rowStamp(indexRowOf(article)));
    expect(articleStamp({ ...article, title: 'Edited' })).not.toBe(articleStamp(article));
    expect(indexDocOf(article)).toMatchObject({ id: article.id, body: 'Body' });
    expect(indexDocOf(article).bib).toContain('Werth VP');
  });
});
