/**
 * Run writes one at a time. Each write is a read-modify-write of review.json or a shard; two
 * interleaved imports could otherwise both pass the duplicate check, or one could save a stale copy.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue continues after a failed task; the failure goes to that task's caller only.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
