/**
 * Every CLI read and write goes through shared/ipc/dispatch, the same choke point the Electron IPC
 * and the HTTP bridge use, so the CLI gets exactly the UI's validation and error codes.
 */
import type { Channel, Handlers, Input, Output } from '../../shared/contract.js';
import type { Core } from '../core/types.js';
import { dispatch } from '../../shared/ipc/dispatch.js';
import { fromErrorInfo } from './errors.js';
import { logToStderr } from './log.js';

export async function call<C extends Channel>(core: Handlers, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await dispatch(core, channel, input, logToStderr);
  if (!result.ok) throw fromErrorInfo(result.error);
  return result.value as Output<C>;
}

/** Runs `body` and always closes the core (releasing the writer lock), even when `body` throws. */
export async function usingCore<T>(core: Core, body: (core: Core) => Promise<T>): Promise<T> {
  try {
    return await body(core);
  } finally {
    await core.close();
  }
}
