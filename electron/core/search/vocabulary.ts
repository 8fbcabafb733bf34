/**
 * Every term the index holds, bucketed by its first two characters, so the word being typed can be
 * expanded to the indexed words it starts ("mort" → mortality, mortal …) without scanning the whole
 * vocabulary. The FlexSearch index is "strict" (whole words only): indexing every prefix of every
 * word of 10,000 full texts ("forward") measured 455 MB instead of 170 MB.
 */
export class Vocabulary {
  private readonly buckets = new Map<string, string[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The caller adds each term once (it checks the index first). */
  add(term: string): void {
    const key = term.slice(0, 2);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(term);
    else this.buckets.set(key, [term]);
    this.count += 1;
  }

  clear(): void {
    this.buckets.clear();
    this.count = 0;
  }

  /** Terms starting with `prefix` (the term itself included), in no particular order. */
  startingWith(prefix: string): string[] {
    if (prefix.length === 0) return [];
    if (prefix.length >= 2) return (this.buckets.get(prefix.slice(0, 2)) ?? []).filter((t) => t.startsWith(prefix));
    const out: string[] = [];
    for (const [key, bucket] of this.buckets) if (key.startsWith(prefix)) for (const term of bucket) out.push(term);
    return out;
  }
}
