/**
 * Streamed JSON (json-stream.ts): an envelope cut at its long members, and those members written
 * element by element (even where data holds the same names or the markers' look-alikes), give the bytes JSON.stringify(value, null, 2) gives for the whole value.
 */
import { describe, expect, it } from 'vitest';
import { JsonMember, jsonEnvelope } from '../../electron/core/export/json-stream';

/** Stream `value`, whose members at `paths` (keys at `depth`) are written element by element. */
function streamed(value: Record<string, unknown>, members: Array<{ depth: number; path: string[] }>): string {
  const contents: unknown[] = [];
  const parts = jsonEnvelope((slot) => {
    const copy = structuredClone(value);
    for (const { path } of members) {
      let node = copy as Record<string, unknown>;
      for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
      const last = path[path.length - 1]!;
      contents.push(node[last]);
      node[last] = slot();
    }
    return copy;
  });
  let out = parts[0]!;
  members.forEach((m, i) => {
    const content = contents[i];
    const member = new JsonMember(Array.isArray(content) ? 'array' : 'object', m.depth);
    if (Array.isArray(content)) for (const item of content) out += member.item(item);
    else for (const [k, v] of Object.entries(content as object)) out += member.item(v, k);
    out += member.close() + parts[i + 1]!;
  });
  return out;
}

describe('streamed JSON', () => {
  const tricky = {
    label: 'a "quoted" label with "items": [] inside,\nand a line break, and \u0000member:0',
    nested: { items: [], articles: [{ articles: [] }] },
  };

  it('matches JSON.stringify with filled, empty and nested members', () => {
    const value = {
      ...tricky,
      first: { id: 'x', items: [{ a: 1, b: [1, 2, { c: 'd' }] }, 'two', null, [], {}] },
      articles: [{ text: 'x\ny', pages: [] }, { text: '' }],
      annotations: [],
      files: { abc: { ext: 'txt', base64: 'AAAA' }, def: { ext: 'pdf', base64: '' } },
      study: {},
    };
    const members = [
      { depth: 2, path: ['first', 'items'] },
      { depth: 1, path: ['articles'] },
      { depth: 1, path: ['annotations'] },
      { depth: 1, path: ['files'] },
      { depth: 1, path: ['study'] },
    ];
    expect(streamed(value, members)).toBe(JSON.stringify(value, null, 2));
  });

  it('refuses members that are not in the order they were made', () => {
    expect(() => jsonEnvelope((slot) => { const a = slot(); const b = slot(); return { b, a }; })).toThrow(/out of order/);
  });
});
