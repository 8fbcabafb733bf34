/**
 * Builds window.evidentia: one function per contract channel, each forwarding its input to the main
 * process. Nothing else is exposed (no ipcRenderer, no generic invoke, no paths). Separate from
 * index.ts so tests can build it with a fake invoke.
 */
import type { Api } from '../../shared/contract.js';
import { PRELOAD_CHANNELS } from './channels.js';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/** If the IPC layer itself fails (no handler yet, window closing), the UI still gets a Result. */
const IPC_FAILURE = {
  ok: false,
  error: { code: 'internal', message: 'Evidentia could not reach its core. Try again or restart the app.' },
} as const;

export function buildApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of PRELOAD_CHANNELS) {
    api[channel] = (input: unknown) => invoke(channel, input).catch(() => IPC_FAILURE);
  }
  return Object.freeze(api) as unknown as Api;
}
