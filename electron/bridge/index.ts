/**
 * Browser mode: the core and the contract over HTTP on 127.0.0.1, plus the built renderer.
 *
 * Protocol (renderer/src/api.ts is built against exactly this):
 *   GET  /, /<asset>                     the renderer (no token needed: it holds no data)
 *   POST /api/<channel>                  header x-evidentia-token: TOKEN, JSON body = channel input
 *                                        → 200 + JSON Result from dispatch (ok or not)
 *   GET  /files/<articleId>?token=TOKEN  the article's original file bytes
 * Refusals (still JSON Results): 401 token missing/wrong, 403 foreign Host/Origin, 400 invalid
 * JSON, 404 unknown file/asset, 405 wrong method, 413 body over 450 MB.
 * Node's http only: no framework, nothing listening beyond the loopback interface.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../shared/ipc/dispatch.js';
import type { Core } from '../core/types.js';
import { handleApi } from './api.js';
import { handleFile } from './files.js';
import { allowedHosts, rejectForeign } from './guard.js';
import { securityHeaders, sendError } from './respond.js';
import { handleStatic } from './static.js';
import { newToken } from './token.js';

export { TOKEN_HEADER } from './api.js';

export interface BridgeOptions {
  core: Core;
  /** The built renderer, normally dist/renderer. */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Fixed token (tests); by default a new random one per run. */
  token?: string;
  log?: Logger;
}

export interface Bridge {
  /** http://HOST:PORT/?token=TOKEN — the URL to open. */
  url: string;
  port: number;
  token: string;
  /** Stops listening and drops open connections. The core stays open: its owner closes it. */
  close(): Promise<void>;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const log = options.log ?? ((message, error) => console.error(message, error));
  let hosts = new Set<string>(); // filled once the port is known, before any request is accepted

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    const refusal = rejectForeign(req, hosts);
    if (refusal) return sendError(res, 403, 'forbidden', refusal);
    // The raw path, not new URL(): URL parsing would resolve "..", "%2e%2e" before we can refuse them.
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
    if (rawPath.startsWith('/api/')) return handleApi(req, res, { core: options.core, token, log }, rawPath.slice(5));
    if (rawPath.startsWith('/files/')) return handleFile(req, res, { core: options.core, token, log }, rawPath.slice(7), query);
    return handleStatic(req, res, options.rendererDir, rawPath);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`bridge: ${req.method} ${(req.url ?? '').split('?')[0]} failed`, error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong in the bridge. Details are in the log.');
      else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  hosts = allowedHosts({ host, port });
  return { url: `http://${host}:${port}/?token=${token}`, port, token, close: () => closeServer(server) };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
