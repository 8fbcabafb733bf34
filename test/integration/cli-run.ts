/**
 * Helpers for the CLI and bridge integration tests: run the bundled CLI as a child process, make
 * temporary folders, and write the tests' own fixture articles.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO, 'dist/cli/evidentia.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO,
      env: { ...process.env, EVIDENTIA_DEBUG: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A run that must succeed; its output is returned for further checks. */
export async function runOk(args: string[]): Promise<CliRun> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`evidentia ${args.join(' ')} exited ${run.code}\n${run.stderr}`);
  return run;
}

export async function tempDir(prefix = 'evidentia-test-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** True when an output contains a stack-trace line (what user errors must never show). */
export const hasStackTrace = (text: string): boolean => /^\s+at /m.test(text);

export const TRIAL_TEXT = `Immunoglobulin for skin disease: a randomised trial

A multicentre, double-blind trial assigned 95 adults to immunoglobulin (n=47) or placebo (n=48).
At week 16 the mean change in the activity score was -9.36 (95% CI -12.52 to -6.19) with
immunoglobulin versus -1.16 with placebo (p<0.001). Responders: 79% versus 44%.
Adverse events were mostly mild. Adverse events led to withdrawal in two patients.
`;

export const FOLLOWUP_MD = `# Long-term follow-up of the immunoglobulin trial

Published in *Journal of Imaginary Medicine*, 2023.

At week 40, 71% of patients kept their response. The mean change was **−8.10** points.
`;

export const NEWS_HTML = `<!doctype html>
<html><head><title>News: trial results disputed</title>
<meta name="citation_journal_title" content="Imaginary News"><script>alert("never run")</script></head>
<body><h1>Trial results disputed</h1><p>The report says the trial was published in The Lancet.</p>
<p>Its own reference names another journal.</p></body></html>
`;

/** Writes the three fixture articles into dir and returns their paths. */
export async function writeFixtures(dir: string): Promise<{ txt: string; md: string; html: string }> {
  const paths = { txt: join(dir, 'trial.txt'), md: join(dir, 'followup.md'), html: join(dir, 'news.html') };
  await writeFile(paths.txt, TRIAL_TEXT);
  await writeFile(paths.md, FOLLOWUP_MD);
  await writeFile(paths.html, NEWS_HTML);
  return paths;
}
