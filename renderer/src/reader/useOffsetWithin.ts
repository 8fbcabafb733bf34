/**
 * Where an element starts inside its scroll box's content (pixels from the top of what scrolls),
 * kept current as whatever lies above it grows or shrinks: the study panel opening, another list
 * above gaining items. A virtual list needs it to know which of its items are in view.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

function measure(el: HTMLElement, box: HTMLElement): number {
  return Math.round(el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop);
}

export function useOffsetWithin(ref: RefObject<HTMLElement | null>, box: HTMLElement | null): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !box) return;
    const update = () => setOffset(measure(el, box));
    update();
    // Anything above the element sits inside one of the box's children: watch their sizes, and
    // watch for children coming and going (a section that appears above).
    const sizes = new ResizeObserver(update);
    const observeChildren = () => {
      sizes.disconnect();
      for (const child of Array.from(box.children)) sizes.observe(child);
    };
    observeChildren();
    const children = new MutationObserver(() => {
      observeChildren();
      update();
    });
    children.observe(box, { childList: true });
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [ref, box]);
  return offset;
}
