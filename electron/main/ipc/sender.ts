/**
 * Who may call the core over IPC: only the main frame of a window we created, showing our UI.
 * Checked on every call, before any input is parsed (the model is vscode's validated ipcMain).
 */
import { isUiUrl } from '../origins.js';
import { isOurWebContents } from '../window-registry.js';

/** The parts of IpcMainInvokeEvent the check reads (kept structural so tests need no Electron). */
export interface SenderInfo {
  sender: { id: number };
  senderFrame: { parent: unknown; url: string } | null;
}

export function isTrustedSender(event: SenderInfo): boolean {
  const frame = event.senderFrame;
  // null: the frame navigated away or was destroyed while the call was in flight.
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false; // subframes never talk to the core
  if (!isUiUrl(frame.url)) return false;
  return isOurWebContents(event.sender.id);
}
