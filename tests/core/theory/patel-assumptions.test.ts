import { describe, expect, it } from 'vitest';
import { simulateQuery } from '../../../src/core/simulate';

// Each H below is a list of 2×2 upper triangles (a, b, c) ↦ [[a, b], [b, c]]: the eigenvalues of
// a diagonal one (b = 0) are a and c, so which Qᵢ are positive semidefinite is read off the link.
describe("Patel's bounds are shown only where his assumptions hold", () => {
  it('at a saddle whose components are indefinite, neither l(k), u(k) nor GD’s bounds are shown, and the note names the assumption', () => {
    // Q₁ = diag(1, −0.5), Q₂ = diag(1, −0.3): both indefinite; H = diag(1, −0.4) is a saddle.
    const out = simulateQuery('problem=quadratic&H=1,0,-0.5;1,0,-0.3&eta=0.5&B=1&sampling=with&runs=50&steps=200&escape=1');
    const m = out.minima[0];
    expect(m.saddle).toBe(true);
    expect(m.patel).toBeNull();
    expect(m.patelGD).toBeNull();
    expect(m.patelNote).toMatch(/positive semidefinite Qᵢ/);
    expect(m.patelNote).toMatch(/Q1 has the negative eigenvalue -0\.5/);
    // What the bounds used to promise ("contraction for η < 2") is false: every run leaves
    // (|1 − η·(−0.4)| = 1.2 along e₂ for every batch, so escape is certain, not a matter of chance).
    expect(out.runs.sgd!.escaped).toBe(50);
  });

  it('at a minimum with an indefinite component, the bounds are flagged as a heuristic (as Patel §4 uses them), the assumption named', () => {
    // Q₁ = diag(1, −0.5) is indefinite, Q₂ = diag(1, 1.5) is not; H = diag(1, 0.5) is a minimum.
    const m = simulateQuery('problem=quadratic&H=1,0,-0.5;1,0,1.5&eta=0.5&B=1&sampling=with&runs=2&steps=5').minima[0];
    expect(m.saddle).toBe(false);
    expect(m.patel).not.toBeNull();
    expect(m.patelHeuristic).toBe(true);
    expect(m.patelNote).toMatch(/Q1 has the negative eigenvalue -0\.5.*a heuristic, not a guarantee/);
  });

  it('where every Qᵢ is positive semidefinite, the bounds are shown as theorems, with no note', () => {
    const m = simulateQuery('problem=quadratic&H=1,0,0.5;2,0,1&eta=0.5&B=1&sampling=with&runs=2&steps=5').minima[0];
    expect(m.patel).not.toBeNull();
    expect(m.patelGD).not.toBeNull();
    expect(m.patelHeuristic).toBeUndefined();
    expect(m.patelNote).toBeUndefined();
  });
});
