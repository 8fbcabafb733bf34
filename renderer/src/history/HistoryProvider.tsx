/**
 * The app's one undo/redo history (reader and sheet alike): the command stack, the keyboard
 * shortcuts (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y), the Undo/Redo buttons and the "Deleted … Undo"
 * toast. After a step, views whose data it touched (by scope) reload through `changed`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { UndoStack, type Command, type StepOutcome } from '../../../shared/history/undo-stack';
import { useErrors } from '../app/errors';

/** The last undo or redo: views reload when one of its scopes is theirs. */
export interface HistoryChange {
  scopes: readonly string[];
  nonce: number;
}

interface HistoryApi {
  stack: UndoStack;
  record: (command: Command) => void;
  undo: () => void;
  redo: () => void;
  changed: HistoryChange | null;
  /** What the toast shows: the last change made or stepped. */
  notice: string | null;
  dismissNotice: () => void;
}

const HistoryContext = createContext<HistoryApi | null>(null);

export function useHistory(): HistoryApi {
  const value = useContext(HistoryContext);
  if (!value) throw new Error('useHistory needs a HistoryProvider');
  return value;
}

/** True when the key press belongs to a field's own text editing (its native undo must work). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function HistoryProvider({ children, readOnly }: { children: ReactNode; readOnly: boolean }) {
  const { report } = useErrors();
  const [stack] = useState(() => new UndoStack());
  const [changed, setChanged] = useState<HistoryChange | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const after = useCallback(
    (outcome: StepOutcome) => {
      if (outcome.ok) {
        setChanged({ scopes: outcome.command.scopes, nonce: Date.now() });
        setNotice(`${outcome.direction === 'undo' ? 'Undone' : 'Redone'}: ${outcome.command.label}`);
      } else if (outcome.reason === 'failed') {
        setNotice(null);
        report(`Could not ${outcome.direction} “${outcome.command.label}”: ${outcome.error.message}`);
        // The step may have failed half way (the state moved on): views reload what they show.
        setChanged({ scopes: outcome.command.scopes, nonce: Date.now() });
      }
    },
    [report],
  );
  const undo = useCallback(() => void stack.undo().then(after), [stack, after]);
  const redo = useCallback(() => void stack.redo().then(after), [stack, after]);
  const record = useCallback(
    (command: Command) => {
      stack.push(command);
      setNotice(command.label);
    },
    [stack],
  );

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      // A dialog (an editor, a confirmation) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
      const isUndo = key === 'z' && !e.shiftKey;
      if (!isUndo && !isRedo) return;
      e.preventDefault();
      if (isUndo) undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, undo, redo]);

  const value = useMemo(
    () => ({ stack, record, undo, redo, changed, notice, dismissNotice: () => setNotice(null) }),
    [stack, record, undo, redo, changed, notice],
  );
  return <HistoryContext.Provider value={value}>{children}</HistoryContext.Provider>;
}

const SHORTCUT = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Undo and Redo buttons for the app header, titled with what they would do. */
export function HistoryButtons({ readOnly }: { readOnly: boolean }) {
  const { stack, undo, redo } = useHistory();
  const state = useSyncExternalStore(
    (listener) => stack.subscribe(listener),
    () => stack.state(),
  );
  return (
    <div className="history-buttons" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="link"
        disabled={readOnly || state.busy || state.undoLabel === null}
        title={state.undoLabel ? `Undo: ${state.undoLabel} (${SHORTCUT}Z)` : 'Nothing to undo'}
        onClick={undo}
      >
        Undo
      </button>
      <button
        type="button"
        className="link"
        disabled={readOnly || state.busy || state.redoLabel === null}
        title={state.redoLabel ? `Redo: ${state.redoLabel} (${SHORTCUT}Shift+Z)` : 'Nothing to redo'}
        onClick={redo}
      >
        Redo
      </button>
    </div>
  );
}

/** "Deleted outcome “…” · Undo" after a change, "Undone: …" after a step; stays until dismissed or replaced. */
export function HistoryToast() {
  const { stack, notice, undo, dismissNotice } = useHistory();
  const state = useSyncExternalStore(
    (listener) => stack.subscribe(listener),
    () => stack.state(),
  );
  if (notice === null) return null;
  // Offer Undo only while the notice is about the change at the top of the stack.
  const canUndo = state.undoLabel === notice && !state.busy;
  return (
    <div className="history-toast" role="status">
      <span>{notice}</span>
      {canUndo ? (
        <button type="button" className="link" onClick={undo}>
          Undo
        </button>
      ) : null}
      <button type="button" className="link" onClick={dismissNotice} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
