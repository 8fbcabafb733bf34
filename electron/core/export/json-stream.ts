/**
 * Writing `JSON.stringify(value, null, 2)` piece by piece, for exports whose arrays are too long to
 * hold (annotations, articles, files). The envelope is stringified with markers for those members
 * and cut there; each element is stringified alone and indented to its depth. The bytes are the
 * ones the whole value would have given (test/unit/export-json-stream.test.ts).
 */
import { randomBytes } from 'node:crypto';

/**
 * The text before, between and after the long members of a pretty-printed JSON value. `build` makes
 * the value with `slot()` standing in for each long member, in the order they appear; a slot is a
 * string no data holds (a random marker behind a NUL character), so the cuts fall exactly there.
 */
export function jsonEnvelope(build: (slot: () => string) => unknown): string[] {
  const nonce = randomBytes(8).toString('hex');
  let slots = 0;
  const text = JSON.stringify(build(() => `\u0000member:${nonce}:${slots++}`), null, 2);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < slots; i++) {
    const marker = JSON.stringify(`\u0000member:${nonce}:${i}`);
    const at = text.indexOf(marker, from);
    if (at < 0) throw new Error(`member ${i} is missing or out of order`);
    parts.push(text.slice(from, at));
    from = at + marker.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * Writes the elements of one array (or the entries of one object) member at `depth` (that of its
 * key), as JSON.stringify would lay them out, through `write`.
 */
export class JsonMember {
  private count = 0;
  private readonly indent: string;

  constructor(
    private readonly kind: 'array' | 'object',
    private readonly depth: number,
  ) {
    this.indent = '  '.repeat(depth + 1);
  }

  /** The text for one element (or, for an object, one entry under `key`). */
  item(value: unknown, key?: string): string {
    const body = JSON.stringify(value, null, 2).replace(/\n/g, `\n${this.indent}`);
    const name = this.kind === 'object' ? `${JSON.stringify(key)}: ` : '';
    const lead = this.count === 0 ? (this.kind === 'array' ? '[' : '{') : ',';
    this.count += 1;
    return `${lead}\n${this.indent}${name}${body}`;
  }

  /** The closing text: "[]" / "{}" when nothing was written. */
  close(): string {
    const end = this.kind === 'array' ? ']' : '}';
    return this.count === 0 ? (this.kind === 'array' ? '[]' : '{}') : `\n${'  '.repeat(this.depth)}${end}`;
  }

  get length(): number {
    return this.count;
  }
}
