/**
 * The contract over HTTP, as the renderer uses it: import a file sent as base64, list it, read it,
 * tag a quote, list annotations, export, and fetch the original bytes from /files/<id>.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/index.js';
import { openReview } from '../../electron/core/index.js';
import type { Core } from '../../electron/core/types.js';
import { api, raw } from './bridge-http.js';
import { tempDir, TRIAL_TEXT } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let core: Core;
let bridge: Bridge;

beforeAll(async () => {
  tmp = await tempDir();
  core = await openReview(join(tmp.path, 'review'), { create: true, name: 'bridge api', log: () => {} });
  bridge = await startBridge({ core, rendererDir: join(tmp.path, 'no-renderer'), port: 0, log: () => {} });
});
afterAll(async () => {
  await bridge?.close();
  await core?.close();
  await tmp.remove();
});

const call = (channel: string, input: unknown) => api(bridge.port, bridge.token, channel, input);

describe('bridge API round trip', () => {
  let articleId: string;

  it('imports a base64 file and lists it', async () => {
    const { status, result } = await call('articles.import', {
      files: [{ fileName: 'trial.txt', base64: Buffer.from(TRIAL_TEXT).toString('base64') }],
    });
    expect(status).toBe(200);
    expect(result.ok).toBe(true);
    const report = result.value as { results: Array<{ status: string; articleId: string }> };
    expect(report.results[0]?.status).toBe('imported');
    articleId = report.results[0]!.articleId;

    const list = await call('articles.list', {});
    expect(list.result).toMatchObject({ ok: true, value: [{ id: articleId, kind: 'text' }] });
    const article = await call('articles.get', { id: articleId });
    expect((article.result.value as { text: string }).text).toBe(TRIAL_TEXT);
  });

  it('creates an annotation and lists it with its selectors', async () => {
    const exact = '-9.36 (95% CI -12.52 to -6.19)';
    const start = TRIAL_TEXT.indexOf(exact);
    const created = await call('annotations.create', {
      articleId,
      start,
      end: start + exact.length,
      exact,
      body: { type: 'outcome', fields: { value: '-9.36', timepoint: 'week 16' } },
    });
    expect(created.result.ok).toBe(true);
    const listed = await call('annotations.list', { articleId });
    const [a] = listed.result.value as Array<{ target: { selector: Array<{ type: string }> }; anchor: { status: string } }>;
    expect(a?.target.selector.map((s) => s.type)).toEqual(expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']));
    expect(a?.anchor.status).toBe('exact');
  });

  it('exports CSV', async () => {
    const { result } = await call('export.run', { format: 'csv' });
    const file = result.value as { fileName: string; mimeType: string; content: string };
    expect(file.content).toContain('-9.36');
  });

  it('rejects bad input with a bad-input Result, writing nothing', async () => {
    const { status, result } = await call('annotations.create', { articleId, start: 5, end: 2, exact: 'x', body: { type: 'note', text: '' } });
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await call('annotations.list', {})).result.value).toHaveLength(1);
  });

  it('serves the original bytes from /files/<id> with the token', async () => {
    const res = await raw({ port: bridge.port, path: `/files/${articleId}?token=${bridge.token}` });
    expect(res.status).toBe(200);
    expect(res.text).toBe(TRIAL_TEXT);
    expect(String(res.headers['content-type'])).toMatch(/^text\/plain/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect((await raw({ port: bridge.port, path: `/files/${articleId}` })).status).toBe(401);
  });
});
