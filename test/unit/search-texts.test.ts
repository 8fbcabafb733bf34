/** ArticleTexts: the text of an article file for snippets, kept within a budget, forgotten on change. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleTexts } from '../../electron/core/search/texts';

describe('ArticleTexts', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function folder(): Promise<{ dir: string; write: (id: string, data: unknown) => Promise<void> }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'evidentia-texts-'));
    dirs.push(dir);
    return { dir, write: (id, data) => writeFile(path.join(dir, `${id}.json`), typeof data === 'string' ? data : JSON.stringify(data)) };
  }

  it('reads the text field, and is null for a missing, damaged or odd file', async () => {
    const { dir, write } = await folder();
    const texts = new ArticleTexts((id) => path.join(dir, `${id}.json`));
    await write('a', { id: 'a', title: 'T', text: 'Placebo arm.' });
    await write('b', '{"text": "cut sh');
    await write('c', { text: 42 });
    await write('d', 'null');
    expect(texts.get('a')).toBe('Placebo arm.');
    for (const id of ['b', 'c', 'd', 'missing']) expect(texts.get(id)).toBeNull();
  });

  it('keeps texts until forgotten, the least recently used leaving first beyond the budget', async () => {
    const { dir, write } = await folder();
    const texts = new ArticleTexts((id) => path.join(dir, `${id}.json`), 80);
    for (const id of ['a', 'b', 'c']) await write(id, { text: `${id} one` });
    expect(texts.get('a')).toBe('a one');
    await write('a', { text: 'a two' });
    expect(texts.get('a')).toBe('a one'); // cached
    texts.forget('a');
    expect(texts.get('a')).toBe('a two');

    // 3 characters each, 24 at most: eight fit, a ninth pushes out the least recently used.
    const lru = new ArticleTexts((id) => path.join(dir, `${id}.json`), 24);
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    for (const id of ids) await write(id, { text: `${id}!` });
    for (const id of ids.slice(0, 8)) expect(lru.get(id)).toBe(`${id}!`);
    lru.get('t0');
    expect(lru.get('t8')).toBe('t8!');
    for (const id of ids) await write(id, { text: 'new' });
    expect(lru.get('t1')).toBe('new');
    expect(lru.get('t0')).toBe('t0!');
    expect(lru.get('t8')).toBe('t8!');
    // Longer than an eighth of the budget: read every time, never kept.
    await write('long', { text: 'x'.repeat(4) });
    expect(lru.get('long')).toBe('xxxx');
    await write('long', { text: 'y'.repeat(4) });
    expect(lru.get('long')).toBe('yyyy');
  });
});
