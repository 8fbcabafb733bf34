/**
 * Static smoke check with electronegativity (Doyensec): the Electron glue (electron/main,
 * electron/preload) and the built renderer (dist/renderer) are copied into one folder, as they sit
 * together in the packaged app, and scanned. Every finding must be fixed or explained in
 * electronegativity-allowlist.json. A second scan of a deliberately weakened copy (sandbox: false)
 * proves the scan sees the window options at all.
 *
 * Offline: the tool asks GitHub for translations (1 s timeout, then falls back) and, in one global
 * check, for Electron's release list with no timeout at all. That check is excluded (item 16 of
 * electron-security-checklist.test.ts covers the Electron version), the version is given with -e,
 * and the process is killed if it ever runs longer than SCAN_TIMEOUT_MS.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin/electronegativity');
const SCAN_TIMEOUT_MS = 120_000;
/** What is scanned, by its path in the repository (the staged copy keeps these paths). */
const SCANNED = ['electron/main', 'electron/preload', 'dist/renderer'];

interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}
interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}

const allowlist = (JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8')) as { entries: AllowEntry[] }).entries;
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

/** Copies the scanned folders (without source maps) into a fresh folder; returns it. */
function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evidentia-electronegativity-'));
  for (const part of SCANNED) cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (src) => !src.endsWith('.map') });
  return dir;
}

interface Scan {
  findings: Finding[];
  exitCode: number | null;
  killed: boolean;
  stderr: string;
}

function scan(dir: string): Promise<Scan> {
  const out = join(dir, 'electronegativity.csv');
  const args = ['-i', dir, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out];
  return new Promise((resolvePromise) => {
    execFile(BIN, args, { cwd: dir, timeout: SCAN_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      const rows = (() => {
        try {
          return parse(readFileSync(out, 'utf8'), { columns: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
        } catch {
          return [];
        }
      })();
      const findings = rows.map((r) => ({
        check: r.issue ?? '',
        severity: r.severity ?? '',
        confidence: r.confidence ?? '',
        file: r.filename ?? '',
        location: r.location ?? '',
        sample: r.sample ?? '',
      }));
      resolvePromise({ findings, exitCode: error ? (typeof error.code === 'number' ? error.code : null) : 0, killed: error?.killed === true, stderr });
    });
  });
}

const allowed = (finding: Finding) => allowlist.some((entry) => entry.check === finding.check && entry.file === finding.file);
const describeFinding = (f: Finding) => `${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.location} ${f.sample.slice(0, 80)}`;

describe('electronegativity scan of the Electron glue and the built renderer', () => {
  let app: Scan;
  let weakened: Scan;
  const staged: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
      throw new Error('The scan includes the built renderer: run `npm run build` first (`npm test` does).');
    }
    const appDir = stage();
    const weakDir = stage();
    staged.push(appDir, weakDir);
    const windowFile = join(weakDir, 'electron/main/window.ts');
    writeFileSync(windowFile, readFileSync(windowFile, 'utf8').replace('sandbox: true', 'sandbox: false'));
    [app, weakened] = await Promise.all([scan(appDir), scan(weakDir)]);
    console.log(`electronegativity findings (${app.findings.length}):\n${app.findings.map(describeFinding).join('\n')}`);
  }, SCAN_TIMEOUT_MS + 30_000);
  afterAll(() => {
    for (const dir of staged) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes offline within the time limit and writes its CSV', () => {
    expect(app.killed, app.stderr).toBe(false);
    expect(app.exitCode, app.stderr).toBe(0);
    // A clean app still yields the allowlisted findings, so an empty list means the CSV went missing.
    expect(app.findings.length).toBeGreaterThan(0);
  });

  it('has every finding fixed or explained in electronegativity-allowlist.json', () => {
    expect(app.findings.filter((f) => !allowed(f)).map(describeFinding)).toEqual([]);
  });

  it('keeps no stale allowlist entry, and every entry gives a reason', () => {
    for (const entry of allowlist) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(30);
      expect(app.findings.some((f) => f.check === entry.check && f.file === entry.file), `${entry.check} ${entry.file} no longer found: remove it`).toBe(true);
    }
  });

  it('catches a weakened window (sandbox: false), so a clean result means something', () => {
    expect(weakened.findings.filter((f) => !allowed(f)).map((f) => `${f.check} ${f.file}`)).toContain('SANDBOX_JS_CHECK electron/main/window.ts');
  });
});
