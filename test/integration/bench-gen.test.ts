/**
 * The benchmark's review generator (test/bench/generate.ts): a small review written through the
 * store opens with the real core, holds exactly what was asked, anchors everywhere, and is the
 * same review again for the same seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReview } from '../../electron/core/index.js';
import { defaultTemplate } from '../../shared/templates/default-template.js';
import { checkValues } from '../../shared/templates/values.js';
import type { AnchoredAnnotation } from '../../shared/model/index.js';
import { generateReview } from '../bench/generate.js';
import { tempDir } from './core-helpers.js';

const SMALL = { articles: 30, annotations: 600, seed: 1 };

async function readAll(dir: string) {
  const core = await openReview(dir, { readOnly: true, log: () => {} });
  try {
    const articles = await core['articles.list']({});
    const annotations: AnchoredAnnotation[] = [];
    for (const a of articles) annotations.push(...(await core['annotations.list']({ articleId: a.id })));
    return { articles, annotations };
  } finally {
    await core.close();
  }
}

describe('bench generator', () => {
  it('writes a review the core opens, with every annotation anchored', async () => {
    const dir = path.join(await tempDir('evidentia-gen-'), 'review');
    const summary = await generateReview(dir, SMALL);
    expect(summary.articles).toBe(30);
    expect(summary.annotations).toBe(600);

    const { articles, annotations } = await readAll(dir);
    expect(articles).toHaveLength(30);
    expect(annotations).toHaveLength(600);
    expect(articles.reduce((n, a) => n + a.annotationCount, 0)).toBe(600);
    expect(annotations.filter((a) => a.anchor.status !== 'exact')).toEqual([]);

    const kinds = new Set(articles.map((a) => a.kind));
    expect(kinds.has('citation')).toBe(true);
    expect(kinds.has('text') || kinds.has('markdown')).toBe(true);
    const types = new Set(annotations.map((a) => a.body.type));
    expect([...types].sort()).toEqual(['discrepancy', 'note', 'outcome']);
    expect(new Set(annotations.map((a) => a.reviewer)).size).toBeGreaterThanOrEqual(2);

    // Outcome records fit the default template, as if saved through the form.
    const template = defaultTemplate(new Date().toISOString());
    for (const a of annotations) if (a.body.type === 'outcome') checkValues(template, 'outcome', a.body.fields);
    // Discrepancies link annotations of other articles that exist.
    const byId = new Map(annotations.map((a) => [a.id, a]));
    for (const a of annotations) {
      if (a.body.type !== 'discrepancy') continue;
      expect(a.body.links).toHaveLength(2);
      for (const link of a.body.links) expect(byId.get(link)?.articleId).not.toBe(a.articleId);
    }
    for (const id of summary.with200) expect(annotations.filter((a) => a.articleId === id)).toHaveLength(200);
  });

  it('gives the same review for the same seed and another for another seed', async () => {
    const root = await tempDir('evidentia-gen-');
    const ids = async (name: string, seed: number) => {
      await generateReview(path.join(root, name), { ...SMALL, seed });
      const { articles, annotations } = await readAll(path.join(root, name));
      return { articles: articles.map((a) => a.id).sort(), annotations: annotations.map((a) => a.id).sort() };
    };
    const a = await ids('a', 1);
    const b = await ids('b', 1);
    const c = await ids('c', 2);
    expect(b).toEqual(a);
    expect(c.articles).not.toEqual(a.articles);
  });

  it('refuses a folder that is not empty', async () => {
    const dir = await tempDir('evidentia-gen-');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await expect(generateReview(dir, SMALL)).rejects.toThrow(/not empty/);
  });
});
