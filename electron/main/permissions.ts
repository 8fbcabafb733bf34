/**
 * Session lockdown. Evidentia needs no browser permission (camera, notifications, clipboard-read,
 * geolocation, HID, serial …), so the allowlist is explicitly empty: every request and check is
 * refused. Requests to anything but our own scheme are cancelled, so nothing leaves the machine even
 * if the CSP were bypassed.
 */
import type { Session } from 'electron';
import { APP_SCHEME } from './origins.js';

/** Permissions the UI may use. Empty on purpose: add one here, with a reason, if a feature needs it. */
export const ALLOWED_PERMISSIONS: readonly string[] = [];

/** Schemes a page in our session may load: our own, plus in-memory data the UI creates itself. */
const ALLOWED_REQUEST_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'blob:', 'data:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.includes(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.includes(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
