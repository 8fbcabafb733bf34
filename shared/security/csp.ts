/**
 * The one Content-Security-Policy for the UI, sent by the app:// protocol (Electron) and by the HTTP
 * bridge. No 'unsafe-eval', no inline scripts, no remote anything: imported content can never load
 * or run code, and nothing leaves the machine.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // pdf.js and React set element styles from script; style attributes in markup stay allowed for
  // the viewer's CSS variables. No remote stylesheets.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // app://files is Electron's origin for article files (the UI at app://app fetches PDFs from it);
  // in a browser via the bridge the scheme does not exist, so this adds nothing there.
  "connect-src 'self' app://files",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
