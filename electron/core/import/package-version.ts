/**
 * The installed version of a runtime dependency, recorded with each article so a later re-import
 * can tell which extractor produced its text. Read from disk because some packages (htmlparser2)
 * do not export their package.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const cache = new Map<string, string>();

export function packageVersion(name: string): string {
  const known = cache.get(name);
  if (known) return known;
  let version = 'unknown';
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) {
          version = pkg.version;
          break;
        }
      } catch {
        // no package.json at this level (or a nested "type" stub): keep walking up
      }
      dir = dirname(dir);
    }
  } catch {
    // not resolvable: leave "unknown" rather than failing an import over bookkeeping
  }
  cache.set(name, version);
  return version;
}
