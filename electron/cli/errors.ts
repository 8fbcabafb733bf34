/**
 * The CLI's one error type. Anything thrown as a CliError is a user-facing failure: index.ts prints
 * its message as a single `evidentia: …` line and exits with its code, never with a stack trace.
 */
import type { ErrorInfo } from '../../shared/result.js';

/** 0 success, 1 the operation failed, 2 the command line itself was wrong. */
export type ExitCode = 1 | 2;

export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2);

/**
 * A failed Result from the core. bad-input means the values the user typed did not pass the
 * contract's schema, so it is a usage error (2); every other code is an operation failure (1).
 */
export function fromErrorInfo(error: ErrorInfo): CliError {
  return new CliError(error.message, error.code === 'bad-input' ? 2 : 1);
}
