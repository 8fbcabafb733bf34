/**
 * The one way a URL leaves the app: links the user clicks (a DOI, a journal page, an e-mail address)
 * open in the system browser or mail client. Anything else (file:, javascript:, custom handlers of
 * other apps, smb: shares …) is refused, because shell.openExternal on such URLs can run programs.
 */
import { shell } from 'electron';

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Opens the URL outside the app when it is https: or mailto:. Returns whether it was opened. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    // No handler installed for the scheme: nothing useful to report to the page.
    return false;
  }
}
