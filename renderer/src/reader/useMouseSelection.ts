/**
 * Calls `read` when a mouse (or Shift+arrow) selection that started inside `root` ends. The
 * mouseup is taken on the document, since a drag often ends outside the text; clicks elsewhere
 * (toolbar, sidebar, forms) never touch the reader's selection.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useMouseSelection(root: RefObject<HTMLElement | null>, read: () => void) {
  const readRef = useRef(read);
  readRef.current = read;
  useEffect(() => {
    let pressedInside = false;
    const down = (e: MouseEvent) => {
      pressedInside = e.button === 0 && !!root.current?.contains(e.target as Node);
    };
    const up = () => {
      if (!pressedInside) return;
      pressedInside = false;
      // Let the browser finish updating the selection (a plain click collapses it after mouseup).
      setTimeout(() => readRef.current(), 0);
    };
    const key = (e: KeyboardEvent) => {
      if (e.shiftKey && root.current?.contains(e.target as Node)) readRef.current();
    };
    document.addEventListener('mousedown', down);
    document.addEventListener('mouseup', up);
    document.addEventListener('keyup', key);
    return () => {
      document.removeEventListener('mousedown', down);
      document.removeEventListener('mouseup', up);
      document.removeEventListener('keyup', key);
    };
  }, [root]);
}
