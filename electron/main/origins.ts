/**
 * The app:// scheme and its two hosts. `app://app/` serves the built UI, `app://files/<articleId>`
 * the original article files for pdf.js. Node's URL gives custom schemes an opaque origin ('null'),
 * so origins are compared as scheme + host, never via `URL.origin`.
 */
export const APP_SCHEME = 'app';
export const UI_HOST = 'app';
export const FILES_HOST = 'files';
export const UI_ORIGIN = `${APP_SCHEME}://${UI_HOST}`;
export const UI_ENTRY_URL = `${UI_ORIGIN}/index.html`;

/** True only for a parseable app://app/… URL (no credentials, no port). */
export function isUiUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === UI_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
