/**
 * `evidentia serve` as a user runs it: the full URL is the first line of stdout, it answers with the
 * token, and SIGTERM stops it cleanly, releasing the review for other writers.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO, runCli, runOk, tempDir, writeFixtures } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let review: string;
let files: Awaited<ReturnType<typeof writeFixtures>>;

beforeAll(async () => {
  tmp = await tempDir();
  files = await writeFixtures(tmp.path);
  review = join(tmp.path, 'review');
  await runOk(['init', review]);
});
afterAll(() => tmp.remove());

describe('evidentia serve', () => {
  it('prints its URL, serves the API with the token, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', review], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
      const url = new URL(firstLine);
      const token = url.searchParams.get('token')!;

      const page = await fetch(url);
      expect([200, 503]).toContain(page.status); // 503: renderer not built, page says so
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      await page.arrayBuffer();

      const refused = await fetch(new URL('/api/review.info', url), { method: 'POST', body: '{}' });
      expect(refused.status).toBe(401);
      const info = await fetch(new URL('/api/review.info', url), {
        method: 'POST',
        headers: { 'x-evidentia-token': token, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await info.json()).toMatchObject({ ok: true, value: { readOnly: false } });

      // While serve holds the writer lock: reads work, writes are refused with a clear line.
      expect((await runCli(['list', review])).code).toBe(0);
      const locked = await runCli(['import', review, files.md]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/^evidentia: .*open in another Evidentia process[^\n]*\n$/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The writer lock was released: a new process can write.
    await runOk(['import', review, files.txt]);
  });
});
