/**
 * Keeps the library still while its list changes under it. The article at the top of the view is
 * the anchor: when a refresh (every few seconds during an import) inserts or removes rows above
 * it, the list is scrolled so that it stays exactly where it was; at the very top the list stays at
 * the top, so new rows there are seen. Coming back from the reader restores the anchor, and a new
 * sort order starts at the top.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

interface Anchor {
  id: string;
  /** How far the top of the view is below the anchor row's top, in pixels. */
  delta: number;
}

/** Survives the library's unmount (opening an article), so the way back lands on the same rows. */
let saved: { resetKey: string; anchor: Anchor } | null = null;

/**
 * Rows drawn for the first time after a change are measured a frame or two later, and the
 * virtualiser then corrects the offsets above the view on its own schedule: the anchor is put back
 * each frame until it has stayed put for a few, within this many frames.
 */
const SETTLE_FRAMES = 30;
const STABLE_FRAMES = 3;

export function useScrollAnchor(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  ids: readonly string[],
  resetKey: string,
  headerHeight: number,
  scrollRef: RefObject<HTMLDivElement | null>,
) {
  const anchor = useRef<Anchor | null>(null);
  const shown = useRef<{ ids: readonly string[]; resetKey: string } | null>(null);
  const settling = useRef<number | null>(null);
  const latest = useRef({ ids, headerHeight });
  latest.current = { ids, headerHeight };

  const capture = useCallback(() => {
    const el = scrollRef.current;
    if (settling.current !== null) return; // our own scrolling, not the reader's
    if (!el || el.scrollTop <= 0) {
      anchor.current = null;
      return;
    }
    const viewTop = el.scrollTop + latest.current.headerHeight;
    const item = virtualizer.getVirtualItemForOffset(viewTop);
    anchor.current = item ? { id: String(item.key), delta: viewTop - item.start } : null;
  }, [virtualizer, scrollRef]);

  /** Scrolls so the anchor row is where it was; false when it already is (or is gone). */
  const place = useCallback(
    (to: Anchor): boolean => {
      const { ids: current, headerHeight: header } = latest.current;
      const index = current.indexOf(to.id);
      const item = index >= 0 ? virtualizer.measurementsCache[index] : undefined;
      if (!item) return false;
      const target = Math.max(0, item.start + to.delta - header);
      if (Math.abs(target - (scrollRef.current?.scrollTop ?? 0)) < 1) return false;
      virtualizer.scrollToOffset(target);
      return true;
    },
    [virtualizer, scrollRef],
  );

  const stopSettling = useCallback(() => {
    if (settling.current !== null) cancelAnimationFrame(settling.current);
    settling.current = null;
  }, []);

  const restore = useCallback(
    (to: Anchor) => {
      stopSettling();
      place(to);
      let frames = 0;
      let stable = 0;
      const step = () => {
        stable = place(to) ? 0 : stable + 1;
        frames += 1;
        if (frames < SETTLE_FRAMES && stable < STABLE_FRAMES) {
          settling.current = requestAnimationFrame(step);
        } else {
          settling.current = null;
          anchor.current = to;
        }
      };
      settling.current = requestAnimationFrame(step);
    },
    [place, stopSettling],
  );

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // The reader taking the wheel (or the keys) ends any restoring at once.
    const interrupt = () => {
      stopSettling();
      capture();
    };
    el.addEventListener('scroll', capture, { passive: true });
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) el.addEventListener(type, interrupt, { passive: true });
    return () => {
      el.removeEventListener('scroll', capture);
      for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) el.removeEventListener(type, interrupt);
      stopSettling();
    };
  }, [capture, stopSettling, scrollRef]);

  // Before paint, so the rows never visibly jump.
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { ids, resetKey };
    if (before === null) {
      if (saved && saved.resetKey === resetKey) restore(saved.anchor);
    } else if (before.resetKey !== resetKey) {
      stopSettling();
      anchor.current = null;
      virtualizer.scrollToOffset(0);
    } else if (before.ids !== ids && anchor.current) {
      restore(anchor.current);
    }
  }, [ids, resetKey, restore, stopSettling, virtualizer]);

  useEffect(
    () => () => {
      saved = anchor.current && shown.current ? { resetKey: shown.current.resetKey, anchor: anchor.current } : null;
    },
    [],
  );
}
