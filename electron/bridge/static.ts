/**
 * The built renderer (dist/renderer), served read-only. Containment is checked twice: on the
 * decoded request path (no "..", ".", backslashes, NUL, drive letters), and on the real path after
 * symlinks are resolved, which must stay inside the renderer folder.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from '../common/content-types.js';
import { notBuiltPage } from './not-built.js';
import { methodNotAllowed, sendError } from './respond.js';

const INDEX = 'index.html';

/** The request path as segments relative to the renderer folder, or null if it tries to leave it. */
export function safeRelativePath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return null;
  const rel = segments.join('/');
  return isAbsolute(rel) ? null : rel;
}

export async function handleStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, rawPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  const rel = safeRelativePath(rawPath);
  if (rel === null) return sendError(res, 404, 'not-found', 'Not found.');
  const root = await realpath(rendererDir).catch(() => null);
  const file = root === null ? null : await containedFile(root, rel === '' ? INDEX : rel);
  if (file === null) {
    if (rel === '' || rel === INDEX) return notBuiltPage(res, rendererDir);
    return sendError(res, 404, 'not-found', 'Not found.');
  }
  const type = contentTypeFor(file.path);
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', file.size);
  // HTML is never cached (it must always match the running bridge); assets revalidate.
  res.setHeader('Cache-Control', type.startsWith('text/html') ? 'no-store' : 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file.path), res);
}

/** The real file under root for rel, or null if missing, not a regular file, or outside root. */
async function containedFile(root: string, rel: string): Promise<{ path: string; size: number } | null> {
  const real = await realpath(join(root, rel)).catch(() => null);
  if (real === null || !real.startsWith(root + sep)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? { path: real, size: info.size } : null;
}
