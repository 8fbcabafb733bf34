/**
 * Where the core and dispatch report internal errors while the CLI runs: one line on stderr, the
 * stack only with EVIDENTIA_DEBUG=1 (users see a sentence, developers can get the details).
 */
export const debugEnabled = (): boolean => process.env.EVIDENTIA_DEBUG === '1';

export function logToStderr(message: string, error?: unknown): void {
  const detail =
    error === undefined ? '' : debugEnabled() && error instanceof Error ? `\n${error.stack}` : `: ${describe(error)}`;
  process.stderr.write(`evidentia: ${message}${detail}\n`);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
