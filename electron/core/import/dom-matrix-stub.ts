/**
 * pdf.js (legacy build, Node) polyfills DOMMatrix from the optional native package @napi-rs/canvas
 * and, without it, throws at module load (`new DOMMatrix()` at top level) — even though text
 * extraction never renders. When that package cannot be loaded (not installed for this platform,
 * or left inside app.asar), this 2D stand-in lets pdf.js load so text extraction still works.
 */
import { createRequire } from 'node:module';

/** The 2D affine subset of DOMMatrix ([a b c d e f]) that pdf.js touches outside rendering. */
class Matrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }

  multiplySelf(m: Matrix2D): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }

  preMultiplySelf(m: Matrix2D): this {
    const copy = new Matrix2D([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    Object.assign(this, { a: copy.a, b: copy.b, c: copy.c, d: copy.d, e: copy.e, f: copy.f });
    return this;
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new Matrix2D([sx, 0, 0, sy, 0, 0]));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new Matrix2D([1, 0, 0, 1, tx, ty]));
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
    return this;
  }
}

/** Install the stand-in only when there is no DOMMatrix and pdf.js could not get one itself. */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix) return;
  try {
    createRequire(import.meta.url).resolve('@napi-rs/canvas');
  } catch {
    g.DOMMatrix = Matrix2D;
  }
}
