/**
 * The UI's undo/redo history as a plain command stack, with no knowledge of React or of the app:
 * a command knows how to undo and redo itself (through the ordinary channels) and says whether it
 * worked. The stack only keeps order, runs one command at a time, and drops a command that can no
 * longer be applied (something changed since): the person gets the command's message instead.
 */
import type { ErrorInfo, Result } from '../result.js';

export interface Command {
  /** What was done, for buttons and messages: "Deleted outcome “CDASI-A change”". */
  label: string;
  /** Which views show what it changed (e.g. "article:<id>", "sheet"), so they can reload. */
  scopes: readonly string[];
  undo(): Promise<Result<unknown>>;
  redo(): Promise<Result<unknown>>;
}

export type StepOutcome =
  | { ok: true; direction: 'undo' | 'redo'; command: Command }
  | { ok: false; reason: 'empty' | 'busy' }
  | { ok: false; reason: 'failed'; direction: 'undo' | 'redo'; command: Command; error: ErrorInfo };

export interface UndoState {
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
}

export const DEFAULT_UNDO_LIMIT = 100;

/** By identity: a change pushed while a step ran sits above the command being stepped. */
function remove(list: Command[], command: Command): void {
  const at = list.lastIndexOf(command);
  if (at >= 0) list.splice(at, 1);
}

export class UndoStack {
  // Mutated in place only: a step in flight keeps references to them.
  private readonly done: Command[] = [];
  private readonly undone: Command[] = [];
  private running = false;
  private readonly listeners = new Set<() => void>();
  private snapshot: UndoState = { undoLabel: null, redoLabel: null, busy: false };

  constructor(private readonly limit = DEFAULT_UNDO_LIMIT) {}

  /** A new change: it can be undone, and what was undone before can no longer be redone. */
  push(command: Command): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
    this.undone.length = 0;
    this.changed();
  }

  undo(): Promise<StepOutcome> {
    return this.step('undo');
  }

  redo(): Promise<StepOutcome> {
    return this.step('redo');
  }

  /** The same object until something changes (for React's useSyncExternalStore). */
  state(): UndoState {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async step(direction: 'undo' | 'redo'): Promise<StepOutcome> {
    // One at a time: a second Ctrl+Z while the first is on its way would act on a stale state.
    if (this.running) return { ok: false, reason: 'busy' };
    const from = direction === 'undo' ? this.done : this.undone;
    const to = direction === 'undo' ? this.undone : this.done;
    const command = from.at(-1);
    if (!command) return { ok: false, reason: 'empty' };
    this.running = true;
    this.changed();
    try {
      const result = await (direction === 'undo' ? command.undo() : command.redo());
      remove(from, command);
      if (!result.ok) return { ok: false, reason: 'failed', direction, command, error: result.error };
      to.push(command);
      return { ok: true, direction, command };
    } catch (error) {
      // A command that throws (a bug) is dropped like one that failed, so the stack never jams.
      remove(from, command);
      return { ok: false, reason: 'failed', direction, command, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      this.running = false;
      this.changed();
    }
  }

  private changed(): void {
    this.snapshot = { undoLabel: this.done.at(-1)?.label ?? null, redoLabel: this.undone.at(-1)?.label ?? null, busy: this.running };
    for (const listener of this.listeners) listener();
  }
}
