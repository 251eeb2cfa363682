import { Mulberry32, Salt } from '../rng';
import { QuadraticProblem } from './quadratic';
import { defineProblem } from './problem-def';

/**
 * Patel's homogeneous quadratic sums (Problem 1) with random PSD components:
 * Qᵢ = AᵢAᵢᵀ/d with Aᵢ a d×d matrix of independent standard normals, drawn from
 * the problem seed `pseed` (stream i). The shared minimiser is β* = 0, so every
 * component is minimised there (a fixed point of SGD). E Qᵢ = I, and the Qᵢ do
 * not commute, so ρ(𝒯) is strictly below Theorem 1's eigenvalue in general.
 */
export function randomQuadratic(d: number, n: number, pseed: number): QuadraticProblem {
  const hessians: Float64Array[] = [];
  const A = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const rng = new Mulberry32(pseed, i, Salt.problem);
    for (let k = 0; k < d * d; k++) A[k] = rng.normal();
    const Q = new Float64Array(d * d);
    for (let r = 0; r < d; r++) {
      for (let c = r; c < d; c++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += A[r * d + k] * A[c * d + k];
        Q[r * d + c] = s / d;
        Q[c * d + r] = s / d;
      }
    }
    hessians.push(Q);
  }
  return new QuadraticProblem(hessians, d, 'random', [
    `Qᵢ = AᵢAᵢᵀ/d, Aᵢ with independent N(0,1) entries drawn from pseed = ${pseed}`,
  ]);
}

export const randomQuadraticProblem = defineProblem({
  kind: 'random',
  label: 'random quadratic sum',
  about: "Patel's homogeneous quadratic sums with random PSD Qᵢ = AᵢAᵢᵀ/d, Aᵢ with independent N(0,1) entries drawn from `pseed`",
  minima: '0',
  keys: {
    n: { default: 20, doc: 'number of components', field: { label: 'components n' } },
    d: { default: 2, max: 30, doc: 'dimension (≤ 30)', field: { label: 'dimension d' } },
    pseed: { default: 1, doc: 'seed of the drawn problem', field: { label: 'problem seed' } },
  },
  build: (o) => randomQuadratic(o.d, o.n, o.pseed),
  count: (o) => o.n,
});
