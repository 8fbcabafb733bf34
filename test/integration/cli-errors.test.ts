/**
 * User errors of every command: one `evidentia: …` line on stderr, exit 2 for a wrong command line
 * and 1 for a failed operation, never a stack trace. Plus --help and --version.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO, runCli, runOk, tempDir } from './cli-run.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let review: string;

beforeAll(async () => {
  tmp = await tempDir();
  review = join(tmp.path, 'review');
  await runOk(['init', review]);
});
afterAll(() => tmp.remove());

describe('evidentia user errors', () => {
  it('each is one line on stderr with the right exit code', async () => {
    const missing = join(tmp.path, 'nowhere');
    const plain = join(tmp.path, 'plain');
    await mkdir(plain);
    await writeFile(join(tmp.path, 'notes.txt'), 'x');
    await mkdir(join(tmp.path, 'full'));
    await writeFile(join(tmp.path, 'full', 'keep.txt'), 'x');
    const cases: Array<[string[], number, RegExp]> = [
      [['frobnicate'], 2, /unknown command "frobnicate"/],
      [['list'], 2, /missing argument/],
      [['list', review, '--colour'], 2, /Unknown option '--colour'/],
      [['list', review, 'extra'], 2, /unexpected argument "extra"/],
      [['list', missing], 1, /no review at .*evidentia init/],
      [['list', plain], 1, /not an Evidentia review.*evidentia init/],
      [['import', missing, 'a.txt'], 1, /evidentia init/],
      [['init', join(tmp.path, 'notes.txt')], 1, /is a file/],
      [['init', join(tmp.path, 'full')], 1, /not empty/],
      [['show', review, '0123456789abcdef'], 1, /./],
      [['show', review, 'xyz'], 2, /article id/],
      [['export', review], 2, /--format/],
      [['export', review, '--format', 'xml'], 2, /"xml"/],
      [['export', review, '--format', 'csv', '--out', join(missing, 'x', 'out.csv')], 1, /Could not write .*out\.csv/],
      [['serve', review, '--port', 'eighty'], 2, /--port/],
      [['import', review, 'a.txt', '--reviewer', 'UPPER'], 2, /--reviewer/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(args);
      expect({ args, code: run.code, stderr: run.stderr }).toMatchObject({ args, code });
      expect(run.stderr).toMatch(/^evidentia: [^\n]+\n$/);
      expect(run.stderr).toMatch(message);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });

  it('no arguments prints the help on stderr and exits 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('evidentia init DIR');
  });

  it('--help lists every command; COMMAND --help shows its options', async () => {
    const help = await runOk(['--help']);
    for (const c of ['init', 'import', 'list', 'show', 'annotate', 'annotations', 'export', 'serve']) {
      expect(help.stdout).toContain(`evidentia ${c} `);
    }
    const annotate = await runOk(['annotate', '--help']);
    expect(annotate.stdout).toContain('--occurrence N');
    expect(annotate.stdout).toContain('ci_low');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect((await runOk(['--version'])).stdout.trim()).toBe(pkg.version);
  });
});
