import { describe, expect, it } from 'vitest';
import { joinPageItems, joinPages, pageAt, PAGE_SEPARATOR } from '../../shared/anchoring/pdf-text.js';

describe('PDF text definition', () => {
  it('joins item strings, adds a newline at end-of-line items, and records each item span', () => {
    const { text, itemSpans } = joinPageItems([
      { str: 'Hello', hasEOL: false },
      { str: ' ', hasEOL: false },
      { str: 'world', hasEOL: true },
      {}, // marked-content item: no str
      { str: 'Next line', hasEOL: false },
    ]);
    expect(text).toBe('Hello world\nNext line');
    expect(itemSpans).toEqual([{ start: 0, end: 5 }, { start: 5, end: 6 }, { start: 6, end: 11 }, null, { start: 12, end: 21 }]);
    expect(text.slice(12, 21)).toBe('Next line');
  });

  it('joins pages with a separator and finds the page of an offset', () => {
    const { text, pages } = joinPages(['one', 'two two', '']);
    expect(text).toBe(`one${PAGE_SEPARATOR}two two${PAGE_SEPARATOR}`);
    expect(pages).toEqual([
      { page: 1, start: 0, end: 3 },
      { page: 2, start: 5, end: 12 },
      { page: 3, start: 14, end: 14 },
    ]);
    expect(pageAt(pages, 0)).toBe(1);
    expect(pageAt(pages, 6)).toBe(2);
    expect(pageAt(pages, 14)).toBe(3);
    expect(pageAt([], 3)).toBeNull();
  });
});
