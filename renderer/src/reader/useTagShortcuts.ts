/**
 * O, D, N tag the current selection and Escape dismisses its toolbar — unless the user is typing in
 * a field or a dialog is open (a dialog handles its own Escape).
 */
import { useEffect, useRef } from 'react';
import type { AnnotationBody } from '../../../shared/model/index';
import { TAG_ACTIONS } from './SelectionToolbar';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useTagShortcuts(active: boolean, onTag: (type: AnnotationBody['type']) => void, onEscape: () => void) {
  const onTagRef = useRef(onTag);
  onTagRef.current = onTag;
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape') return onEscapeRef.current();
      const action = TAG_ACTIONS.find((a) => a.key === e.key.toUpperCase());
      if (!action) return;
      e.preventDefault();
      onTagRef.current(action.type);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
