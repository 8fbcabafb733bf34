/**
 * A raw HTTP client for the bridge tests. fetch() normalises "..", refuses to set Host and adds its
 * own Origin rules, so the attacks these tests make need node:http, which sends what it is given.
 */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function raw({ port, path, method = 'GET', headers = {}, body }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          const text = buffer.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buffer, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /api/<channel> with the token, as the renderer does. */
export async function api(port: number, token: string, channel: string, input: unknown): Promise<{ status: number; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  const res = await raw({
    port,
    path: `/api/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-evidentia-token': token, origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, result: res.json() as never };
}
