/**
 * Selecting text the way a person does: press the mouse before the first character, drag, release
 * after the last. The page is only asked WHERE the characters are drawn (their boxes); the
 * selection itself is made by real mouse events, not by a programmatic Range.
 */
import type { Locator, Page } from 'playwright-core';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Screen positions of the first and last character of `text` inside `container`. */
async function charBoxes(container: Locator, text: string): Promise<Box> {
  const box = await container.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // The text may be split over several text nodes (e.g. <mark>s): search their concatenation.
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) return null;
    const locate = (offset: number) => {
      let rest = offset;
      for (const node of nodes) {
        if (rest < node.data.length) return { node, offset: rest };
        rest -= node.data.length;
      }
      throw new Error('offset past the end');
    };
    // Bring the passage to the middle of its scroll box first, as a reader would scroll to it.
    const startNode = locate(at).node;
    let scroller: HTMLElement | null = startNode.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
      scroller = scroller.parentElement;
    }
    if (scroller) {
      const probe = document.createRange();
      probe.setStart(startNode, locate(at).offset);
      probe.setEnd(startNode, locate(at).offset + 1);
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += probe.getBoundingClientRect().top - (box.top + box.height / 2);
    }
    const rectOf = (offset: number) => {
      const { node, offset: o } = locate(offset);
      const range = document.createRange();
      range.setStart(node, o);
      range.setEnd(node, o + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, mid: r.top + r.height / 2 };
    };
    const first = rectOf(at);
    const last = rectOf(at + wanted.length - 1);
    return { x1: first.left + 1, y1: first.mid, x2: last.right - 1, y2: last.mid };
  }, text);
  if (!box) throw new Error(`Text not found on the page: ${text}`);
  return box;
}

export async function selectWithMouse(page: Page, container: Locator, text: string) {
  const { x1, y1, x2, y2 } = await charBoxes(container, text);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 });
  await page.mouse.move(x2, y2, { steps: 10 });
  await page.mouse.up();
}
