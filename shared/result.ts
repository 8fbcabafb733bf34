import { z } from 'zod';

/** Every failure a caller can meet has one of these codes; messages are written for the user. */
export const ErrorCode = z.enum([
  'bad-input', // the call's input failed its schema
  'not-found', // no such article / annotation / channel
  'needs-password', // encrypted PDF, no password given
  'wrong-password', // encrypted PDF, the password given is wrong
  'unsupported-type', // file extension Evidentia does not import
  'corrupt-file', // the file could not be parsed
  'empty-file', // zero bytes, or no content at all
  'too-large', // over the size Evidentia accepts
  'read-only', // another process holds the review's writer lock
  'io-error', // disk full, permission denied, ...
  'forbidden', // the caller is not allowed (bad sender / token)
  'internal', // a bug: the message says so, details go to the log
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({ code: ErrorCode, message: z.string() });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/**
 * The one error type core code throws for expected failures. dispatch() turns it into a Result;
 * anything else thrown becomes an `internal` Result with a generic message.
 */
export class EvidentiaError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'EvidentiaError';
    this.code = code;
  }
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorInfo }),
  ]);
}

/** An error as the UI sees it: an EvidentiaError keeps its code and message, anything else is internal. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof EvidentiaError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong. Details are in the log.' };
}
