/**
 * What the app:// scheme answers, as a plain Request → Response function (no electron import, so it
 * is tested directly). `app://app/…` serves the built UI with the CSP; `app://files/<articleId>`
 * serves an article's original file to pdf.js in the UI.
 */
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { ArticleId } from '../../shared/model/ids.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Core } from '../core/types.js';
import { contentTypeFor } from '../common/content-types.js';
import { FILES_HOST, UI_HOST, UI_ORIGIN } from './origins.js';
import { resolveRendererFile } from './protocol-paths.js';

export interface AppProtocolContext {
  /** Absolute path of dist/renderer. */
  rendererRoot: string;
  /** The review currently open (it changes when the user opens another one). */
  getCore: () => Pick<Core, 'fileForArticle'> | null;
  log: (message: string, error?: unknown) => void;
}

/** Headers on every answer, errors included: the one CSP, and no MIME sniffing. */
function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}

/**
 * Article files are untrusted bytes (an imported HTML page, an SVG …). pdf.js only fetches them, but
 * should one ever be opened as a document it gets an opaque, script-less sandbox, as on the bridge.
 */
export const ARTICLE_FILE_CSP = "sandbox; default-src 'none'";

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/** fs.readFile's Buffer owns a plain ArrayBuffer (never shared), which is what a Response body takes. */
function body(request: Request, bytes: Buffer): Uint8Array<ArrayBuffer> | null {
  return request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>);
}

async function serveUi(request: Request, url: URL, context: AppProtocolContext): Promise<Response> {
  const file = await resolveRendererFile(context.rendererRoot, url.pathname);
  if (file === null) return plain(404, 'Not found');
  const bytes = await fs.promises.readFile(file);
  const headers = baseHeaders(contentTypeFor(file));
  headers.set('Cache-Control', 'no-cache');
  return new Response(body(request, bytes), { status: 200, headers });
}

async function serveArticleFile(request: Request, url: URL, context: AppProtocolContext): Promise<Response> {
  const id = url.pathname.replace(/^\//, '');
  if (!ArticleId.safeParse(id).success) return plain(404, 'Not found');
  const core = context.getCore();
  if (core === null) return plain(404, 'Not found');
  try {
    const stored = await core.fileForArticle(id);
    const bytes = await fs.promises.readFile(stored.path);
    const headers = baseHeaders(stored.mimeType);
    headers.set('Content-Security-Policy', ARTICLE_FILE_CSP);
    // The UI (app://app) fetches this cross-origin; nothing else may read it.
    headers.set('Access-Control-Allow-Origin', UI_ORIGIN);
    headers.set('Cache-Control', 'no-cache');
    return new Response(body(request, bytes), { status: 200, headers });
  } catch (error) {
    if (error instanceof EvidentiaError && error.code === 'not-found') return plain(404, 'Not found');
    context.log(`app://files could not serve ${id}`, error);
    return plain(500, 'The file could not be read.');
  }
}

export async function respondToAppRequest(request: Request, context: AppProtocolContext): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad request');
  }
  if (url.port !== '' || url.username !== '' || url.password !== '') return plain(404, 'Not found');
  try {
    if (url.hostname === UI_HOST) return await serveUi(request, url, context);
    if (url.hostname === FILES_HOST) return await serveArticleFile(request, url, context);
  } catch (error) {
    context.log(`app:// request failed: ${url.href.slice(0, 200)}`, error);
    return plain(500, 'Internal error');
  }
  return plain(404, 'Not found');
}
