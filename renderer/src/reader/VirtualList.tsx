/**
 * A list inside the sidebar's scroll box that renders only the items near the view (measured, as
 * cards differ in height). Several lists share one scroll box, each knowing its offset in it. Short
 * lists are drawn whole. The item holding keyboard focus stays rendered when scrolled away, and the
 * arrow keys move between items even when the next one was not drawn yet.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { createContext, Fragment, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useOffsetWithin } from './useOffsetWithin';

/**
 * The sidebar's scroll box, provided by Sidebar to every list inside it. An element (set through a
 * callback ref), not a ref object: the lists' layout effects run before their parent's ref is
 * attached, and must render again once the box exists.
 */
export const ScrollBoxContext = createContext<HTMLElement | null>(null);

/** What each item's <li> must carry for positioning, measuring and assistive technology. */
export interface ItemProps {
  ref: (el: Element | null) => void;
  'data-index': number;
  'data-key': string;
  'aria-setsize': number;
  'aria-posinset': number;
  style: CSSProperties;
}

interface Props<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, props: ItemProps) => ReactNode;
  className: string;
  /** Scroll to this item when it changes (e.g. an annotation opened from the sheet). */
  activeKey?: string | null;
  estimate?: number;
}

/** Up to this many items, all are drawn: nothing to gain, and every item stays in the DOM. */
const DRAW_ALL_UP_TO = 40;
const GAP = 8;
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function VirtualList<T>({ items, getKey, renderItem, className, activeKey = null, estimate = 110 }: Props<T>) {
  const scrollBox = useContext(ScrollBoxContext);
  const listRef = useRef<HTMLUListElement>(null);
  const offset = useOffsetWithin(listRef, scrollBox);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const propsCache = useRef(new Map<string, ItemProps>());
  const focusedIndex = focusedKey === null ? -1 : items.findIndex((item) => getKey(item) === focusedKey);

  const rangeExtractor = useCallback(
    (range: Range) => {
      if (range.count <= DRAW_ALL_UP_TO) return Array.from({ length: range.count }, (_, i) => i);
      const indexes = defaultRangeExtractor(range);
      return focusedIndex < 0 || indexes.includes(focusedIndex) ? indexes : [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  const getItemKey = useCallback((index: number) => getKey(items[index]!), [getKey, items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollBox,
    estimateSize: () => estimate,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    gap: GAP,
    scrollMargin: offset,
    useFlushSync: false,
  });

  // Once per active item, and only when it is out of view (a click in the list must not move it).
  // A frame later: on a first render the scroll box and this list's offset in it are just known.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (activeKey === null) scrolledFor.current = null;
    if (activeKey === null || !scrollBox || scrolledFor.current === activeKey) return;
    const index = items.findIndex((item) => getKey(item) === activeKey);
    if (index < 0) return;
    const frame = requestAnimationFrame(() => {
      scrolledFor.current = activeKey;
      const item = virtualizer.measurementsCache[index];
      const top = scrollBox.scrollTop;
      if (item && item.start >= top && item.end <= top + scrollBox.clientHeight) return;
      virtualizer.scrollToIndex(index, { align: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [activeKey, scrollBox, items, getKey, virtualizer]);

  const focusItem = (index: number): boolean => {
    const button = listRef.current?.querySelector<HTMLElement>(`:scope > li[data-index="${index}"] button:not(:disabled)`);
    button?.focus();
    return button !== null && button !== undefined;
  };

  // A move to an item that was not drawn yet completes once it is.
  useLayoutEffect(() => {
    if (pendingFocus.current !== null && focusItem(pendingFocus.current)) pendingFocus.current = null;
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVES[e.key];
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (!move || !li || li.parentElement !== listRef.current || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = move(Number(li.dataset.index), items.length);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (!focusItem(next)) pendingFocus.current = next;
  };

  const setsize = items.length;
  return (
    <ul
      ref={listRef}
      className={`${className} virtual`}
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onFocus={(e) => setFocusedKey((e.target as HTMLElement).closest<HTMLElement>('li[data-key]')?.dataset.key ?? null)}
      onBlur={(e) => {
        if (!listRef.current?.contains(e.relatedTarget as Node | null)) setFocusedKey(null);
      }}
    >
      {virtualizer.getVirtualItems().map((v) => {
        const key = String(v.key);
        const top = v.start - offset;
        // The same props object while nothing changed, so memoised items skip re-rendering on scroll.
        let props = propsCache.current.get(key);
        if (!props || props['data-index'] !== v.index || props['aria-setsize'] !== setsize || props.style.transform !== `translateY(${top}px)`) {
          props = {
            ref: virtualizer.measureElement,
            'data-index': v.index,
            'data-key': key,
            'aria-setsize': setsize,
            'aria-posinset': v.index + 1,
            style: { transform: `translateY(${top}px)` },
          };
          propsCache.current.set(key, props);
        }
        return <Fragment key={key}>{renderItem(items[v.index]!, props)}</Fragment>;
      })}
    </ul>
  );
}
