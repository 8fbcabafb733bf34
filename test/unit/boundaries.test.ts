// The architecture's boundaries are enforced by tools, not memory: these tests prove the lint rules
// and the per-folder tsconfigs really reject what they are meant to reject.
import { ESLint } from 'eslint';
import ts from 'typescript';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('forbids renderer/ importing electron/**', async () => {
    const messages = await lintMessages("import { openReview } from '../../electron/core/index.js';\nvoid openReview;\n", 'renderer/src/probe.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('forbids renderer/ importing the electron module or Node built-ins', async () => {
    expect((await lintMessages("import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n", 'renderer/src/probe.ts')).join()).toContain('no-restricted-imports');
    expect((await lintMessages("import fs from 'node:fs';\nvoid fs;\n", 'renderer/src/probe.ts')).join()).toContain('no-restricted-imports');
  });

  it('allows renderer/ importing shared/', async () => {
    const messages = await lintMessages("import { CHANNELS } from '../../shared/contract.js';\nvoid CHANNELS;\n", 'renderer/src/probe.ts');
    expect(messages).toEqual([]);
  });

  it('forbids ipcMain outside electron/main/ipc/register.ts', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect((await lintMessages(code, 'electron/main/window.ts')).join()).toContain('no-restricted-syntax');
    expect((await lintMessages(code, 'electron/preload/index.ts')).join()).toContain('no-restricted-syntax');
    expect(await lintMessages(code, 'electron/main/ipc/register.ts')).toEqual([]);
  });

  it('forbids shared/ importing Node, electron or the UI', async () => {
    expect((await lintMessages("import fs from 'node:fs';\nvoid fs;\n", 'shared/probe.ts')).join()).toContain('no-restricted-imports');
    expect((await lintMessages("import { app } from 'electron';\nvoid app;\n", 'shared/probe.ts')).join()).toContain('no-restricted-imports');
  });

  it('forbids the core importing electron', async () => {
    expect((await lintMessages("import { app } from 'electron';\nvoid app;\n", 'electron/core/probe.ts')).join()).toContain('no-restricted-imports');
  });
});

/** Type-check one in-memory probe file under a folder's tsconfig; returns the diagnostics' texts. */
function typecheckProbe(folder: string, code: string): string[] {
  const configPath = path.join(root, folder, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
  const probePath = path.join(root, folder, '__boundary_probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (p) => (path.resolve(p) === probePath ? code : readFile(p));
  host.fileExists = (p) => path.resolve(p) === probePath || fileExists(p);
  const program = ts.createProgram([probePath], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probePath))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('tsconfig boundaries', () => {
  it('shared/ has neither DOM nor Node types', () => {
    expect(typecheckProbe('shared', 'export const el = document.body;').join()).toMatch(/document/);
    expect(typecheckProbe('shared', 'export const b = Buffer.from("x");').join()).toMatch(/Buffer/);
    expect(typecheckProbe('shared', 'export const n: number = [1, 2].length;')).toEqual([]);
  });

  it('renderer/ has the DOM but no Node types', () => {
    expect(typecheckProbe('renderer', 'export const el = document.body;')).toEqual([]);
    expect(typecheckProbe('renderer', 'export const b = Buffer.from("x");').join()).toMatch(/Buffer/);
  });

  it('electron/ has Node types but no DOM', () => {
    expect(typecheckProbe('electron', 'export const b = Buffer.from("x");')).toEqual([]);
    expect(typecheckProbe('electron', 'export const el = document.body;').join()).toMatch(/document/);
  });
});
