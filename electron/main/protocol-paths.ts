/**
 * Maps the path of an app://app/… URL to a file inside the renderer folder, or null. Node only (no
 * electron), so it is unit-tested against real folders. Defence in depth: Chromium and the URL parser
 * already drop dot segments, but this function assumes nothing about its input.
 */
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_DOCUMENT = 'index.html';

/** True when `child` is `root` itself or below it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Turns the raw (still percent-encoded) URL pathname into a relative path, or null when it could
 * escape the root: bad encoding, NUL, backslashes, '..' segments (plain or encoded), absolute or
 * drive-letter paths.
 */
export function relativeRequestPath(rawPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Exactly one leading slash belongs to the URL; a second one would make the rest absolute.
  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (relative.startsWith('/') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..')) return null;
  const cleaned = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  return cleaned === '' ? DEFAULT_DOCUMENT : cleaned;
}

/**
 * Resolves a request to an existing regular file under `root`, following symlinks only when their
 * target stays inside the real root. Returns the real path of the file, or null (→ 404).
 * Reads through `fs.promises` at call time so Electron's asar support applies inside app.asar.
 */
export async function resolveRendererFile(root: string, rawPathname: string): Promise<string | null> {
  const relative = relativeRequestPath(rawPathname);
  if (relative === null) return null;
  const absoluteRoot = path.resolve(root);
  const candidate = path.resolve(absoluteRoot, relative);
  if (!isInside(absoluteRoot, candidate) || candidate === absoluteRoot) return null;
  try {
    const [realRoot, realCandidate] = await Promise.all([
      fs.promises.realpath(absoluteRoot),
      fs.promises.realpath(candidate),
    ]);
    if (!isInside(realRoot, realCandidate) || realCandidate === realRoot) return null;
    const stats = await fs.promises.stat(realCandidate);
    return stats.isFile() ? realCandidate : null;
  } catch {
    return null; // missing file, dangling link, no permission: all simply "not found"
  }
}
