/**
 * The browser-bridge transport (`evidentia serve`): every channel is `POST /api/<channel>` with the
 * per-run token from the page URL; the body that comes back is always a Result.
 */
import { CHANNELS, type Api, type Channel } from '../../shared/contract';
import type { ErrorInfo, Result } from '../../shared/result';

export const TOKEN_HEADER = 'x-evidentia-token';

/** The token the bridge printed in the URL it served us from (…/?token=…). */
export function pageToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

function failure(code: ErrorInfo['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

async function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: pageToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    // The bridge process is gone (closed terminal, crashed): say so rather than "TypeError".
    return failure('io-error', 'Cannot reach Evidentia: is `evidentia serve` still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('internal', `Evidentia answered ${channel} with something that is not JSON (HTTP ${response.status}).`);
  }
  if (!isResult(body)) return failure('internal', `Evidentia answered ${channel} with an unexpected reply.`);
  return body;
}

export function createHttpApi(): Api {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) api[channel] = (input) => call(channel, input);
  return api as unknown as Api;
}

export function httpFileUrl(articleId: string): string {
  return `/files/${encodeURIComponent(articleId)}?token=${encodeURIComponent(pageToken())}`;
}
