/** The per-run secret that every API and file request must carry. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 24 random bytes: 192 bits, URL-safe without escaping. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so the comparison has a fixed length and
 * does not leak the token's length through an early length check.
 */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
