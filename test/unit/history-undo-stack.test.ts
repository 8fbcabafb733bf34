// The renderer's undo/redo command stack: order, redo cleared by a new change, one step at a time,
// and a command that can no longer be applied is dropped with its message, never retried forever.
import { describe, expect, it } from 'vitest';
import { UndoStack, type Command } from '../../shared/history/undo-stack.js';
import { fail, ok, type Result } from '../../shared/result.js';

/** A command over a shared log of what ran; `refuse` makes its next undo fail as a conflict would. */
function command(label: string, log: string[], options: { refuse?: boolean; gate?: Promise<void> } = {}): Command {
  const run = async (what: string): Promise<Result<unknown>> => {
    await options.gate;
    if (options.refuse && what === 'undo') return fail('bad-input', `${label} was changed since`);
    log.push(`${what} ${label}`);
    return ok(null);
  };
  return { label, scopes: ['sheet'], undo: () => run('undo'), redo: () => run('redo') };
}

describe('UndoStack', () => {
  it('undoes newest first and redoes in the order undone', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(command('a', log));
    stack.push(command('b', log));
    await stack.undo();
    await stack.undo();
    expect(stack.state()).toMatchObject({ undoLabel: null, redoLabel: 'a' });
    await stack.redo();
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
    expect(stack.state()).toMatchObject({ undoLabel: 'a', redoLabel: 'b' });
  });

  it('forgets what could be redone once a new change is made', async () => {
    const stack = new UndoStack();
    stack.push(command('a', []));
    await stack.undo();
    stack.push(command('b', []));
    expect(stack.state().redoLabel).toBeNull();
    expect(await stack.redo()).toEqual({ ok: false, reason: 'empty' });
  });

  it('drops a command whose undo is refused and passes its message on', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(command('a', log));
    stack.push(command('b', log, { refuse: true }));
    const outcome = await stack.undo();
    expect(outcome).toMatchObject({ ok: false, reason: 'failed', error: { message: 'b was changed since' } });
    expect(stack.state()).toMatchObject({ undoLabel: 'a', redoLabel: null });
    await stack.undo();
    expect(log).toEqual(['undo a']);
  });

  it('runs one step at a time: a second undo while one is on its way is refused as busy', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(command('a', log));
    stack.push(command('b', log, { gate }));
    const first = stack.undo();
    expect(stack.state().busy).toBe(true);
    expect(await stack.undo()).toEqual({ ok: false, reason: 'busy' });
    open();
    await first;
    expect(log).toEqual(['undo b']);
    expect(stack.state()).toMatchObject({ busy: false, undoLabel: 'a', redoLabel: 'b' });
  });

  it('keeps a change pushed while an undo runs', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stack = new UndoStack();
    stack.push(command('a', [], { gate }));
    const step = stack.undo();
    stack.push(command('c', []));
    open();
    await step;
    expect(stack.state().undoLabel).toBe('c');
  });

  it('keeps at most `limit` commands, dropping the oldest', async () => {
    const log: string[] = [];
    const stack = new UndoStack(2);
    for (const label of ['a', 'b', 'c']) stack.push(command(label, log));
    while ((await stack.undo()).ok);
    expect(log).toEqual(['undo c', 'undo b']);
  });

  it('tells subscribers about every change, with a new state object each time', async () => {
    const stack = new UndoStack();
    const seen: Array<string | null> = [];
    const stop = stack.subscribe(() => seen.push(stack.state().undoLabel));
    const before = stack.state();
    stack.push(command('a', []));
    expect(stack.state()).not.toBe(before);
    await stack.undo();
    stop();
    stack.push(command('b', []));
    expect(seen).toEqual(['a', 'a', null]);
  });
});
