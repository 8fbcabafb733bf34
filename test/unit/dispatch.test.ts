import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, type Handlers } from '../../shared/contract.js';
import { dispatch } from '../../shared/ipc/dispatch.js';
import { EvidentiaError } from '../../shared/result.js';

/** Handlers whose every channel rejects, so a test notices any call it did not expect. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => { throw new Error(`unexpected call ${c}`); })]));
  return { ...all, ...overrides } as unknown as Handlers;
}

describe('dispatch', () => {
  it('rejects unknown channels without calling anything', async () => {
    const h = handlers();
    const result = await dispatch(h, 'fs.readFile', {});
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Unknown channel') } });
    // inherited Object properties are not channels either
    expect((await dispatch(h, 'toString', {})).ok).toBe(false);
    expect((await dispatch(h, '__proto__', {})).ok).toBe(false);
  });

  it('rejects input that fails the schema with bad-input and never calls the handler', async () => {
    const get = vi.fn(async () => { throw new Error('must not run'); });
    const h = handlers({ 'articles.get': get as unknown as Handlers['articles.get'] });
    const result = await dispatch(h, 'articles.get', { id: '../../etc/passwd' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-input');
    expect((await dispatch(h, 'articles.get', { id: '0123456789abcdef', extra: 1 })).ok).toBe(false);
    expect((await dispatch(h, 'articles.get', null)).ok).toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it('passes parsed input (with defaults applied) and wraps the value', async () => {
    const create = vi.fn(async (input: unknown) => input);
    const h = handlers({ 'annotations.create': create as unknown as Handlers['annotations.create'] });
    const result = await dispatch(h, 'annotations.create', {
      articleId: '0123456789abcdef', start: 0, end: 4, exact: 'text', body: { type: 'outcome', fields: { value: '-9.36' } },
    });
    expect(result.ok).toBe(true);
    const passed = create.mock.calls[0]![0] as { body: { fields: Record<string, string> } };
    expect(passed.body.fields.value).toBe('-9.36');
    expect((passed.body as unknown as { template: unknown }).template).toEqual({ id: 'trial-outcomes', version: 1 }); // default filled in by the schema
  });

  it('turns EvidentiaError into its code, and anything else into internal without leaking details', async () => {
    const log = vi.fn();
    const h = handlers({
      'articles.list': (async () => { throw new EvidentiaError('read-only', 'The review is read-only.'); }) as Handlers['articles.list'],
      'review.info': (async () => { throw new Error('secret /home/user/path'); }) as Handlers['review.info'],
    });
    expect(await dispatch(h, 'articles.list', {})).toEqual({ ok: false, error: { code: 'read-only', message: 'The review is read-only.' } });
    const internal = await dispatch(h, 'review.info', {}, log);
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('internal');
      expect(internal.error.message).not.toContain('secret');
    }
    expect(log).toHaveBeenCalledOnce();
  });

  it('declares every channel with input and output schemas', () => {
    expect(CHANNELS.length).toBeGreaterThanOrEqual(10);
    for (const c of CHANNELS) {
      expect(typeof contract[c].input.safeParse).toBe('function');
      expect(typeof contract[c].output.safeParse).toBe('function');
    }
  });
});
