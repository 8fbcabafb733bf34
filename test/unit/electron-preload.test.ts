// The preload exposes window.evidentia: one function per contract channel, nothing else, and is
// bundleable as a sandboxed CommonJS preload (which can require only `electron`).
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract.js';
import type { FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
await import('../../electron/preload/index.js');
const { PRELOAD_CHANNELS } = await import('../../electron/preload/channels.js');

const root = path.resolve(import.meta.dirname, '../..');
const exposed = () => {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
  return { key, api };
};

describe('preload', () => {
  it('lists exactly the contract channels', () => {
    expect([...PRELOAD_CHANNELS]).toEqual(CHANNELS);
  });

  it('exposes window.evidentia with one function per channel and nothing else', () => {
    const { key, api } = exposed();
    expect(key).toBe('evidentia');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards each call to its own channel with the input untouched', async () => {
    const { api } = exposed();
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [1] } as never);
    const call = api['articles.list'] as (input: unknown) => Promise<unknown>;
    expect(await call({})).toEqual({ ok: true, value: [1] });
    const input = { id: '0123456789abcdef' };
    await (api['articles.get'] as (input: unknown) => Promise<unknown>)(input);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['articles.list', {}],
      ['articles.get', input],
    ]);
  });

  it('turns a failed IPC round trip into a Result instead of a rejection', async () => {
    const { api } = exposed();
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered') as never);
    await expect((api['review.info'] as (input: unknown) => Promise<unknown>)({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('bundles to CommonJS that requires nothing but electron (no zod, no Node modules)', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron', 'zod', 'lowdb', 'pdfjs-dist', 'htmlparser2', 'react', 'react-dom'],
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect([...new Set(imports)]).toEqual(['electron']);
  });
});
