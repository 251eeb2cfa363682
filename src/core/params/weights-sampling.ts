import type { Sampling } from '../batch-factor';

/**
 * Weights p with sampling=without at B < n, the one statement of the refusal: a batch of
 * B < n distinct components has no mean that follows Σ pᵢfᵢ under one definition shared
 * by the draws, c, ρ(𝒯) and Λ (docs/theory.md#weights-and-sampling), so from v=3 such a
 * link runs with replacement. Links before v=3 ran it (SGD's batches uniform, GD on Σ pᵢfᵢ)
 * and keep their runs (README "Link versions"). The problem's build, the page's link repair
 * and a comparison's check all say it through this (each adding what it did about it), so the
 * page's batch factor is the one the worker runs.
 */
export function weightsWithoutRefusal(c: { v: number; sampling: Sampling; B: number }, n: number, weighted: boolean): string | null {
  if (!weighted || c.sampling !== 'without' || c.B >= n || c.v < 3) return null;
  return `weights p need sampling=with for B < n (a batch without replacement cannot follow the weights); got sampling=without with p and B = ${c.B} < n = ${n}`;
}
