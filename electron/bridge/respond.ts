/** Response helpers: every response carries the same hardening headers. */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { fail, type ErrorCode, type Result } from '../../shared/result.js';

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** A Result as JSON. API answers are never cached: they hold review data. */
export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(res, status, fail(code, message));
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendError(res, 405, 'bad-input', `Method not allowed (allowed: ${allow})`);
}
