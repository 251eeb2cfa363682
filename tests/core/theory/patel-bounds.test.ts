import { describe, expect, it } from 'vitest';
import { QuadraticProblem } from '../../../src/core/problems/quadratic';
import { randomQuadratic } from '../../../src/core/problems/random-quadratic';
import { hessianSet, moments } from '../../../src/core/theory/hessian-set';
import { patelBounds } from '../../../src/core/theory/patel-bounds';

describe("Patel's step-size bounds (Theorems 16–17)", () => {
  it('equal 2a/(a² + s²/k) in 1D with γ = 0', () => {
    const h = [0.3, 1.7, 2.2, 0.9];
    const q = new QuadraticProblem(h.map((v) => Float64Array.of(v)), 1);
    const set = hessianSet(q, q.minima[0], true);
    const m = moments(set);
    const a = h.reduce((x, y) => x + y) / h.length;
    const s2 = h.reduce((x, y) => x + (y - a) ** 2, 0) / h.length;
    for (const k of [1, 2, 5, Infinity]) {
      const b = patelBounds(set, m, k)!;
      const expected = (2 * a) / (a * a + (Number.isFinite(k) ? s2 / k : 0));
      expect(b.gamma).toBe(0);
      expect(b.lower).toBeCloseTo(expected, 12);
      expect(b.upper).toBeCloseTo(expected, 12);
    }
  });

  it('give GD (k = ∞) the bounds 2/λ_r and 2/λ₁ of plain gradient descent on a quadratic', () => {
    const p = randomQuadratic(3, 10, 7);
    const set = hessianSet(p, p.minima[0], true);
    const b = patelBounds(set, moments(set), Infinity)!;
    expect(b.upper).toBeCloseTo(2 / b.lambdas[0], 12);
    expect(b.lower).toBeCloseTo(2 / b.lambdas[b.lambdas.length - 1], 12);
  });

  it('order the bounds: u(k) ≤ l(k), and both grow with k', () => {
    const p = randomQuadratic(4, 12, 8);
    const set = hessianSet(p, p.minima[0], true);
    const m = moments(set);
    const b1 = patelBounds(set, m, 1)!;
    const b8 = patelBounds(set, m, 8)!;
    expect(b1.upper).toBeLessThanOrEqual(b1.lower + 1e-12);
    expect(b8.lower).toBeGreaterThanOrEqual(b1.lower);
    expect(b8.upper).toBeGreaterThanOrEqual(b1.upper);
    expect(b1.sP).toBeGreaterThanOrEqual(-1e-12); // F̄ ⪰ Q̄³ always, so γ = 0 is admissible
  });
});
