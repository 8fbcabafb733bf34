// The app:// scheme: privileges, the UI host (CSP, nosniff, containment) and the files host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EvidentiaError } from '../../shared/result.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import type { FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { registerAppScheme, handleAppProtocol } = await import('../../electron/main/protocol.js');
const { respondToAppRequest } = await import('../../electron/main/app-response.js');
type Context = import('../../electron/main/app-response.js').AppProtocolContext;

const ARTICLE = '0123456789abcdef';
const PDF_BYTES = Buffer.from('%PDF-1.4\n% fake\n');
let base: string;
let context: Context;
const fileForArticle = vi.fn(async (id: string) => {
  if (id === ARTICLE) return { path: path.join(base, 'review', 'files', 'abc.pdf'), mimeType: 'application/pdf', bytes: PDF_BYTES.length };
  throw new EvidentiaError('not-found', `No article ${id}`);
});
const log = vi.fn();

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-app-scheme-'));
  fs.mkdirSync(path.join(base, 'renderer', 'assets'), { recursive: true });
  fs.mkdirSync(path.join(base, 'review', 'files'), { recursive: true });
  fs.writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Evidentia</title>');
  fs.writeFileSync(path.join(base, 'renderer', 'assets', 'index.js'), 'export {}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(base, 'review', 'files', 'abc.pdf'), PDF_BYTES);
  context = { rendererRoot: path.join(base, 'renderer'), getCore: () => ({ fileForArticle }), log };
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => respondToAppRequest(new Request(url, { method }), context);

describe('scheme registration', () => {
  it('declares app:// standard, secure, fetch- and CORS-capable, and nothing more', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    const privileges = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges as Record<string, unknown>;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });

  it('handles app:// with the response function', async () => {
    handleAppProtocol(context);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://app/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Evidentia</title>');
  });
});

describe('app://app/ (the UI)', () => {
  it('serves the UI with the one CSP, nosniff and the right content type', async () => {
    const response = await get('app://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://app/assets/index.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://app/')).status).toBe(200);
  });

  it('sends a CSP without unsafe-eval or remote sources, allowing pdf.js to fetch app://files', async () => {
    const csp = (await get('app://app/index.html')).headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toMatch(/connect-src [^;]*app:\/\/files/);
  });

  it('answers 404 (still with the CSP) for traversal, encoded traversal and missing files', async () => {
    for (const url of ['app://app/../secret.txt', 'app://app/%2e%2e/secret.txt', 'app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://app/nope.js', 'app://app//etc/passwd']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD, and HEAD has no body', async () => {
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
    const head = await get('app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves no other host', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://app:8080/index.html')).status).toBe(404);
  });
});

describe('app://files/<articleId> (original files for pdf.js)', () => {
  it("serves the core's file with its content type, readable only by the UI origin", async () => {
    const response = await get(`app://files/${ARTICLE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('access-control-allow-origin')).toBe('app://app');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Untrusted bytes: even opened as a page they would get a script-less sandbox.
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect(fileForArticle).toHaveBeenCalledWith(ARTICLE);
  });

  it('rejects malformed ids before asking the core', async () => {
    fileForArticle.mockClear();
    for (const id of ['../secret', '%2e%2e%2fsecret', '0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0', `${ARTICLE}/x`, '']) {
      expect((await get(`app://files/${id}`)).status, id).toBe(404);
    }
    expect(fileForArticle).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown article and 500 (logged) when the core fails', async () => {
    expect((await get('app://files/ffffffffffffffff')).status).toBe(404);
    fileForArticle.mockRejectedValueOnce(new Error('disk on fire'));
    expect((await get(`app://files/${ARTICLE}`)).status).toBe(500);
    expect(log).toHaveBeenCalled();
  });

  it('answers 404 when no review is open', async () => {
    const none: Context = { ...context, getCore: () => null };
    expect((await respondToAppRequest(new Request(`app://files/${ARTICLE}`), none)).status).toBe(404);
  });
});
