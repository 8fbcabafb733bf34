/**
 * POST /api/<channel>: the contract over HTTP. The token is checked before the body is read (an
 * unauthenticated client cannot make us buffer hundreds of MB), then the body goes to dispatch —
 * the same choke point the Electron IPC uses — and its Result is sent back as JSON with status 200.
 * Non-200 statuses are only for requests refused before dispatch; their bodies are Results too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type Logger } from '../../shared/ipc/dispatch.js';
import type { Handlers } from '../../shared/contract.js';
import { BodyTooLarge, readBody } from './body.js';
import { methodNotAllowed, sendError, sendResult } from './respond.js';
import { tokenMatches } from './token.js';

export const TOKEN_HEADER = 'x-evidentia-token';

export interface ApiContext {
  core: Handlers;
  token: string;
  log: Logger;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, channel: string): Promise<void> {
  if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
  if (!tokenMatches(ctx.token, headerValue(req.headers[TOKEN_HEADER]))) {
    // The unread body is dropped with the connection rather than drained.
    res.setHeader('Connection', 'close');
    return sendError(res, 401, 'forbidden', 'Missing or wrong token: open the exact URL printed by `evidentia serve`.');
  }
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    res.setHeader('Connection', 'close');
    return sendError(res, 413, 'too-large', 'The request is too large (files over 300 MB cannot be imported).');
  }
  let input: unknown = {};
  // An empty body means "no input", i.e. {} for channels such as articles.list.
  if (raw.length > 0) {
    try {
      input = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, 400, 'bad-input', 'The request body is not valid JSON.');
    }
  }
  sendResult(res, 200, await dispatch(ctx.core, safeDecode(channel), input, ctx.log));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value; // a repeated token header is suspicious: refuse
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // dispatch answers not-found for it
  }
}
