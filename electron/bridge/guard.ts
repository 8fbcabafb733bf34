/**
 * DNS-rebinding and cross-site defence. A web page on another site can make the browser send
 * requests to 127.0.0.1 (or to a name it re-points at 127.0.0.1); such requests carry a foreign
 * Host or Origin header. Only our own authority is accepted, before any route runs.
 */
import type { IncomingMessage } from 'node:http';

export interface Authority {
  host: string;
  port: number;
}

/** The Host values a browser sends for our own URL (the printed 127.0.0.1 one, or localhost). */
export function allowedHosts({ host, port }: Authority): Set<string> {
  const hosts = new Set([`${host}:${port}`]);
  if (host === '127.0.0.1' || host === 'localhost') {
    hosts.add(`127.0.0.1:${port}`);
    hosts.add(`localhost:${port}`);
  }
  return hosts;
}

/** Why the request is refused, or null when its Host and Origin are ours. */
export function rejectForeign(req: IncomingMessage, hosts: Set<string>): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return 'Host header not allowed';
  const origin = req.headers.origin;
  // Same-origin GETs carry no Origin; when present (POSTs, CORS) it must be exactly ours.
  if (origin !== undefined && !hosts.has(originAuthority(origin) ?? '')) return 'Origin not allowed';
  return null;
}

function originAuthority(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.origin === origin ? url.host.toLowerCase() : null;
  } catch {
    return null; // "null" (sandboxed frames, file://) and garbage are refused
  }
}
