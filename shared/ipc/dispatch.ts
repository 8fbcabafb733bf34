/**
 * The one choke point every call from a UI passes through (Electron IPC and the HTTP bridge alike):
 * unknown channel → not-found, bad input → bad-input, handler errors → Results. Callers check the
 * sender (Electron) or token (bridge) before calling this.
 */
import { contract, isChannel, type Channel, type Handlers } from '../contract.js';
import { EvidentiaError, fail, ok, type Result } from '../result.js';

export type Logger = (message: string, error?: unknown) => void;

const MAX_ISSUES_IN_MESSAGE = 3;

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('not-found', `Unknown channel: ${String(channel).slice(0, 80)}`);
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, MAX_ISSUES_IN_MESSAGE)
      .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ');
    return fail('bad-input', `Invalid input for ${channel}: ${detail}`);
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof EvidentiaError) return fail(error.code, error.message);
    log(`internal error in ${channel as Channel}`, error);
    return fail('internal', `Something went wrong in ${channel}. Details are in the log.`);
  }
}
