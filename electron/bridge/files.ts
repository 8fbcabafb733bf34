/**
 * GET /files/<articleId>?token=… : an article's original bytes, for pdf.js. The token travels in the
 * query because pdf.js (and <a href>) fetch by URL. The bytes are untrusted (an imported HTML page,
 * an SVG …), so they are served with a sandboxing CSP and as attachments unless PDF: even opened
 * directly, they cannot run script in the bridge's origin.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../shared/ipc/dispatch.js';
import { ArticleId } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import type { Core } from '../core/types.js';
import { TOKEN_HEADER } from './api.js';
import { methodNotAllowed, sendError } from './respond.js';
import { tokenMatches } from './token.js';

export interface FilesContext {
  core: Pick<Core, 'fileForArticle'>;
  token: string;
  log: Logger;
}

export async function handleFile(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: FilesContext,
  id: string,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  const given = query.get('token') ?? (req.headers[TOKEN_HEADER] as string | undefined);
  if (!tokenMatches(ctx.token, given)) return sendError(res, 401, 'forbidden', 'Missing or wrong token.');
  if (!ArticleId.safeParse(id).success) return sendError(res, 404, 'not-found', 'No such article.');
  let file;
  try {
    file = await ctx.core.fileForArticle(id);
  } catch (error) {
    if (error instanceof EvidentiaError && error.code === 'not-found') return sendError(res, 404, 'not-found', error.message);
    throw error;
  }
  const size = (await stat(file.path)).size;
  const isPdf = file.mimeType === 'application/pdf';
  res.statusCode = 200;
  res.setHeader('Content-Type', file.mimeType);
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.setHeader('Content-Disposition', isPdf ? 'inline' : 'attachment');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file.path), res);
}
