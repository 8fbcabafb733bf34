/**
 * The bridge's defences, against a real review: token on every API and file call, Host and Origin
 * checks (DNS rebinding, cross-site), static files contained in the renderer folder, hardening
 * headers, limits and malformed requests.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/index.js';
import { openReview } from '../../electron/core/index.js';
import type { Core } from '../../electron/core/types.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { api, raw } from './bridge-http.js';
import { tempDir } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let core: Core;
let bridge: Bridge;
let port: number;
const SECRET = 'secret-outside-the-renderer';

beforeAll(async () => {
  tmp = await tempDir();
  const renderer = join(tmp.path, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Evidentia</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(renderer, 'assets', 'style.css'), 'body{}');
  await writeFile(join(tmp.path, 'secret.txt'), SECRET);
  await symlink(join(tmp.path, 'secret.txt'), join(renderer, 'assets', 'escape.txt'));
  core = await openReview(join(tmp.path, 'review'), { create: true, name: 'bridge security', log: () => {} });
  bridge = await startBridge({ core, rendererDir: renderer, port: 0, log: () => {} });
  port = bridge.port;
});
afterAll(async () => {
  await bridge?.close();
  await core?.close();
  await tmp.remove();
});

describe('bridge security', () => {
  it('prints a 127.0.0.1 URL with a long random token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${port}/?token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses API calls without the token, or with a wrong one (401, forbidden Result)', async () => {
    const attempts: Array<Record<string, string>> = [{}, { 'x-evidentia-token': 'wrong' }, { 'x-evidentia-token': bridge.token.slice(1) }];
    for (const headers of attempts) {
      const res = await raw({ port, path: '/api/articles.list', method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await api(port, bridge.token, 'articles.list', {})).result).toEqual({ ok: true, value: [] });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const token = { 'x-evidentia-token': bridge.token };
    const hosts = [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`];
    for (const host of hosts) {
      const res = await raw({ port, path: '/api/articles.list', method: 'POST', headers: { ...token, host }, body: '{}' });
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await raw({ port, path: '/', headers: { host } })).status).toBe(403);
    }
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const res = await raw({ port, path: '/api/articles.list', method: 'POST', headers: { ...token, origin }, body: '{}' });
      expect(res.status).toBe(403);
    }
    // Our own origins are fine: the printed 127.0.0.1 one, and localhost.
    const local = await raw({ port, path: '/api/articles.list', method: 'POST', headers: { ...token, host: `localhost:${port}`, origin: `http://localhost:${port}` }, body: '{}' });
    expect(local.status).toBe(200);
  });

  it('serves the renderer with the right types and hardening headers', async () => {
    const index = await raw({ port, path: '/?token=whatever' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cache-control']).toBe('no-store');
    expect((await raw({ port, path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw({ port, path: '/assets/style.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw({ port, path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attacks = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/escape.txt', // symlink pointing outside
      `/${join(tmp.path, 'secret.txt')}`,
      `//${join(tmp.path, 'secret.txt')}`,
      '/%00index.html',
      '/%E0%A4%A',
      '/C:/Windows/win.ini',
    ];
    for (const path of attacks) {
      const res = await raw({ port, path });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain(SECRET);
    }
  });

  it('answers malformed and oversized requests with Results', async () => {
    const token = { 'x-evidentia-token': bridge.token };
    const badJson = await raw({ port, path: '/api/articles.list', method: 'POST', headers: token, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect(badJson.json()).toMatchObject({ ok: false, error: { code: 'bad-input' } });

    const badInput = await api(port, bridge.token, 'articles.get', { id: '../../etc/passwd' });
    expect(badInput.result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const unknown = await api(port, bridge.token, 'fs.readFile', {});
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const get = await raw({ port, path: '/api/articles.list', headers: token });
    expect(get.status).toBe(405);
    expect(get.json()).toMatchObject({ ok: false });
    expect((await raw({ port, path: '/', method: 'DELETE' })).status).toBe(405);

    // Declares 500 MB but sends a few bytes: refused from the header, before reading.
    const big = await raw({ port, path: '/api/articles.import', method: 'POST', headers: { ...token, 'content-length': String(500 * 1024 * 1024) }, body: '{}' });
    expect(big.status).toBe(413);
    expect(big.json()).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('guards /files: token required, invalid and unknown ids are 404', async () => {
    expect((await raw({ port, path: '/files/0123456789abcdef' })).status).toBe(401);
    expect((await raw({ port, path: `/files/0123456789abcdef?token=wrong` })).status).toBe(401);
    expect((await raw({ port, path: `/files/0123456789abcdef?token=${bridge.token}` })).status).toBe(404);
    expect((await raw({ port, path: `/files/..%2f..%2fsecret.txt?token=${bridge.token}` })).status).toBe(404);
  });
});

describe('bridge without a built renderer', () => {
  it('still serves the API and says how to build the UI', async () => {
    const empty = join(tmp.path, 'not-built');
    const other = await startBridge({ core, rendererDir: empty, port: 0, token: 'fixed-token-for-this-test' });
    try {
      const page = await raw({ port: other.port, path: '/' });
      expect(page.status).toBe(503);
      expect(page.text).toContain('npm run build');
      expect((await api(other.port, 'fixed-token-for-this-test', 'review.info', {})).result).toMatchObject({ ok: true });
    } finally {
      await other.close();
    }
  });
});
