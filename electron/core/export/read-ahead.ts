/**
 * Map `items` through an async `read`, in order, with up to `width` reads in flight: exports use it
 * to keep the disk busy with the next files while the current one is rendered, and memory bounded
 * to `width` results. A failed read surfaces when its turn comes; reads still in flight when the
 * consumer stops are awaited and their outcome dropped, so none is left rejecting unobserved.
 */
export async function* readAhead<T, R>(items: readonly T[], width: number, read: (item: T) => Promise<R>): AsyncGenerator<{ item: T; value: R }> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  try {
    for (const item of items) {
      while (pending.length < width && next < items.length) {
        const started = read(items[next]!);
        started.catch(() => {}); // observed in order, below
        pending.push(started);
        next += 1;
      }
      yield { item, value: await pending.shift()! };
    }
  } finally {
    await Promise.allSettled(pending);
  }
}
