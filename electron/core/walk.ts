/**
 * Turn the paths a CLI user typed into the files to import. Folders are walked recursively in
 * sorted order (so the same folder always imports in the same order). Hidden entries (.DS_Store,
 * .git) are skipped; every other file is offered to the importers, so a file Evidentia cannot read
 * is reported as failed with the reason rather than silently left out.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorInfo } from '../../shared/result.js';

export type WalkEntry = { source: string; path: string } | { source: string; error: ErrorInfo };

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walkFolder(folder: string, shownAs: string, seen: Set<string>, out: WalkEntry[]): Promise<void> {
  // Symlinked folders can loop; each real folder is walked once.
  let entries;
  try {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => compareNames(a.name, b.name));
  } catch (error) {
    // One unreadable folder is reported and the walk goes on with the rest.
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    out.push({ source: shownAs, error: { code: 'io-error', message: `${shownAs}: the folder cannot be read (${code}).` } });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    const shown = path.join(shownAs, entry.name);
    let info;
    try {
      info = await stat(full); // follows symlinks
    } catch {
      continue; // a dangling symlink inside a folder is not something the user asked for
    }
    if (info.isDirectory()) await walkFolder(full, shown, seen, out);
    else if (info.isFile()) out.push({ source: shown, path: full });
  }
}

export async function expandPaths(paths: readonly string[]): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.push({
        source: given,
        error:
          code === 'ENOENT'
            ? { code: 'not-found', message: `${given}: no such file or folder.` }
            : { code: 'io-error', message: `${given}: cannot be read (${code ?? 'unknown error'}).` },
      });
      continue;
    }
    if (info.isDirectory()) {
      await walkFolder(given, given, seen, out);
    } else {
      out.push({ source: given, path: given });
    }
  }
  return out;
}
