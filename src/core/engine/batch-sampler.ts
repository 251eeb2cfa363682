import type { Sampling } from '../batch-factor';

/**
 * Walker's alias table for i.i.d. draws with probabilities pᵢ (Patel's SGD-k).
 * One uniform u ∈ [0,1): column k = ⌊u n⌋, keep it if the fraction < prob[k].
 */
export interface AliasTable {
  prob: Float64Array;
  alias: Int32Array;
}

export function aliasTable(p: ArrayLike<number>): AliasTable {
  const n = p.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Float64Array.from(p, (v) => v * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((v, i) => (v < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return { prob, alias };
}

/** How a run draws its batches; fixed before the loop so the loop stays monomorphic. */
export type BatchMode =
  | { kind: 'full' } // GD, or SGD with B = n without replacement
  | { kind: 'uniform-one' } // B = 1, uniform (either sampling)
  | { kind: 'without' } // partial Fisher–Yates over a persistent permutation
  | { kind: 'with-uniform' }
  | { kind: 'with-weighted'; table: AliasTable };

export function batchMode(opt: 'gd' | 'sgd', n: number, B: number, sampling: Sampling, weights: Float64Array | null): BatchMode {
  if (opt === 'gd') return { kind: 'full' };
  if (sampling === 'without') {
    if (B >= n) return { kind: 'full' };
    return B === 1 ? { kind: 'uniform-one' } : { kind: 'without' };
  }
  if (weights) return { kind: 'with-weighted', table: aliasTable(weights) };
  return B === 1 ? { kind: 'uniform-one' } : { kind: 'with-uniform' };
}
