// ipc/register.ts: one handler per channel, the sender checked before anything else, dispatch after.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { CHANNELS, type Channel, type Handlers } from '../../shared/contract.js';
import type { FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { registerIpc, unregisterIpc } = await import('../../electron/main/ipc/register.js');
const registry = await import('../../electron/main/window-registry.js');

const OUR_ID = 7;
const INFO = {
  name: 'Test review',
  dir: '/tmp/review',
  schemaVersion: 1,
  readOnly: false,
  reviewers: [],
  defaultReviewer: 'me',
  articleCount: 0,
};

function fakeCore(): Record<Channel, Mock> {
  const core = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => [])])) as Record<Channel, Mock>;
  core['review.info'].mockResolvedValue(INFO);
  return core;
}

function event(options: { id?: number; url?: string; parent?: unknown; frame?: null } = {}) {
  return {
    sender: { id: options.id ?? OUR_ID },
    senderFrame:
      options.frame === null ? null : { parent: options.parent ?? null, url: options.url ?? 'app://app/index.html' },
  };
}

let core: ReturnType<typeof fakeCore>;
let current: Record<Channel, Mock> | null;
const log = vi.fn();
const call = (channel: string, ev: unknown, input: unknown) => {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(ev, input);
};

beforeEach(() => {
  unregisterIpc();
  electron.ipcMain.handle.mockClear();
  core = fakeCore();
  current = core;
  registry.rememberWebContents(OUR_ID);
  registerIpc(() => current as unknown as Handlers | null, log);
});

describe('IPC registration', () => {
  it('registers exactly one handler per contract channel', () => {
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('calls the core for a trusted sender and returns its Result', async () => {
    expect(await call('review.info', event(), {})).toEqual({ ok: true, value: INFO });
    expect(core['review.info']).toHaveBeenCalledWith({});
    await call('articles.get', event(), { id: '0123456789abcdef' });
    expect(core['articles.get']).toHaveBeenCalledWith({ id: '0123456789abcdef' });
  });

  it('answers bad-input for invalid input without calling the core', async () => {
    const result = (await call('articles.get', event(), { id: '../../etc' })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-input');
    expect(await call('articles.list', event(), { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(core['articles.get']).not.toHaveBeenCalled();
    expect(core['articles.list']).not.toHaveBeenCalled();
  });

  it.each([
    ['a subframe', event({ parent: { url: 'app://app/index.html' } })],
    ['another origin', event({ url: 'https://evil.example/' })],
    ['a file: page', event({ url: 'file:///home/user/index.html' })],
    ['the files host', event({ url: 'app://files/0123456789abcdef' })],
    ['a look-alike host', event({ url: 'app://app.evil/index.html' })],
    ['a window we did not create', event({ id: 999 })],
    ['a destroyed frame', event({ frame: null })],
  ])('refuses %s with forbidden and never calls the core', async (_name, ev) => {
    for (const channel of CHANNELS) {
      expect(await call(channel, ev, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const channel of CHANNELS) expect(core[channel]).not.toHaveBeenCalled();
  });

  it('checks the sender before the input (a forbidden caller learns nothing about schemas)', async () => {
    expect(await call('articles.get', event({ id: 999 }), { id: 'bad' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('reads the current core on every call, so switching reviews needs no re-registration', async () => {
    const other = fakeCore();
    current = other;
    await call('articles.list', event(), {});
    expect(other['articles.list']).toHaveBeenCalled();
    expect(core['articles.list']).not.toHaveBeenCalled();
    current = null;
    expect(await call('articles.list', event(), {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('turns a crashing handler into an internal Result', async () => {
    core['articles.list'].mockRejectedValueOnce(new Error('boom'));
    expect(await call('articles.list', event(), {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
