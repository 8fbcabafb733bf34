/** The real path: openReview() with the real importers (text, Markdown, HTML) end to end. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReview } from '../../electron/core/index.js';
import type { Core } from '../../electron/core/types.js';
import { listTree, tempDir } from './core-helpers.js';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('openReview with the real importers', () => {
  it('imports text, Markdown and HTML from a folder, then annotates and exports', async () => {
    const src = await tempDir('evidentia-src-');
    await mkdir(path.join(src, 'news'));
    await writeFile(path.join(src, 'report.txt'), 'IVIg in dermatomyositis\n\nThe mean change in CDASI-A was −9.36 with IVIg.\n');
    await writeFile(path.join(src, 'news', 'summary.md'), '# Responders in ProDERM\n\n79% of patients responded versus 44%.\n');
    await writeFile(
      path.join(src, 'news', 'page.html'),
      '<html><head><title>NEJM report</title><script>window.bad = 1</script></head><body><p>Published in NEJM 2022.</p></body></html>',
    );
    await writeFile(path.join(src, 'news', 'empty.txt'), '');
    const dir = path.join(await tempDir(), 'review');
    core = await openReview(dir, { create: true, name: 'Real', log: () => {} });

    const results = await core.importPaths([src]);
    expect(results.map((r) => [path.relative(src, r.source), r.status, r.error?.code ?? null])).toEqual([
      [path.join('news', 'empty.txt'), 'failed', 'empty-file'],
      [path.join('news', 'page.html'), 'imported', null],
      [path.join('news', 'summary.md'), 'imported', null],
      ['report.txt', 'imported', null],
    ]);
    // The failed file left nothing: three blobs, three article files.
    const tree = await listTree(dir);
    expect(tree.filter((f) => f.startsWith('files/') && f !== 'files/')).toHaveLength(3);
    expect(tree.filter((f) => f.startsWith('articles/') && f !== 'articles/')).toHaveLength(3);

    const list = await core['articles.list']({});
    const html = list.find((a) => a.kind === 'html')!;
    const article = await core['articles.get']({ id: html.id });
    expect(article.text).toContain('Published in NEJM 2022.');
    expect(article.text).not.toContain('window.bad');

    const txt = list.find((a) => a.kind === 'text')!;
    const text = (await core['articles.get']({ id: txt.id })).text;
    const start = text.indexOf('−9.36');
    const created = await core['annotations.create']({
      articleId: txt.id,
      start,
      end: start + 5,
      exact: '−9.36',
      body: { type: 'outcome', fields: { outcome: 'CDASI-A', arm: 'IVIg', timepoint: '', measure: '', value: '−9.36', unit: '', ci_low: '', ci_high: '', p_value: '', n: '', note: '' } },
    });
    expect(created.anchor.status).toBe('exact');
    const csv = await core['export.run']({ format: 'csv' });
    expect(csv.content).toContain(created.id);
  });
});
