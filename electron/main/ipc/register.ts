/**
 * THE only module that touches ipcMain (enforced by eslint.config.js). One handler per contract
 * channel: check the sender, then hand the raw input to dispatch(), the shared choke point that
 * parses it and turns every outcome into a Result. Registered once; the core is read through a getter
 * because the user can switch reviews while the window stays open.
 */
import { ipcMain } from 'electron';
import { CHANNELS, type Handlers } from '../../../shared/contract.js';
import { dispatch, type Logger } from '../../../shared/ipc/dispatch.js';
import { fail, type Result } from '../../../shared/result.js';
import { isTrustedSender, type SenderInfo } from './sender.js';

export function registerIpc(getCore: () => Handlers | null, log: Logger): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event as SenderInfo)) {
        log(`refused IPC call to ${channel} from an untrusted sender`);
        return fail('forbidden', 'This window is not allowed to call Evidentia.');
      }
      const core = getCore();
      if (core === null) return fail('not-found', 'No review is open.');
      return dispatch(core, channel, input, log);
    });
  }
}

/** For a clean shutdown in tests and on quit. */
export function unregisterIpc(): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(channel);
}
