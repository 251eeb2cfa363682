import { QuadraticProblem } from './quadratic';
import { defineProblem } from './problem-def';

export interface PointRealisation {
  curvatures: Float64Array;
  /** The sharpness and non-uniformity actually realised (mean and population std). */
  a: number;
  s: number;
  /** How many components take the high value h₊. */
  high: number;
  exact: boolean;
}

/**
 * Realise a hand-placed point (a, s) of the diagram as n nonnegative curvatures
 * taking two values, with mean a and population standard deviation s.
 *
 * With m of the n at h₊ and n − m at h₋ (q = m/n): a = q h₊ + (1−q) h₋ and
 * s² = q(1−q)(h₊ − h₋)², so h₊ = a + s√((1−q)/q), h₋ = a − s√(q/(1−q)).
 * Any m works exactly as long as h₋ ≥ 0, i.e. q ≤ a²/(a² + s²). We take the most
 * balanced such m (m = n/2 gives h± = a ± s when s ≤ a). When even m = 1 would
 * make h₋ negative, (a, s) cannot be met with n components: we keep the mean a
 * and put h₋ = 0, h₊ = n a on one component, the largest spread n allows
 * (s = a√(n−1)), and report the realised s. n = 1 realises s = 0.
 */
export function realisePoint(a: number, s: number, n: number): PointRealisation {
  const curv = new Float64Array(n);
  if (n === 1 || s === 0) {
    curv.fill(a);
    return finish(curv, 0, s === 0);
  }
  const qMax = (a * a) / (a * a + s * s);
  let m = Math.min(Math.floor(n / 2), Math.floor(n * qMax + 1e-12));
  if (m < 1) {
    curv.fill(0);
    curv[0] = n * a;
    return finish(curv, 1, false);
  }
  const q = m / n;
  const hp = a + s * Math.sqrt((1 - q) / q);
  const hm = Math.max(0, a - s * Math.sqrt(q / (1 - q)));
  for (let i = 0; i < n; i++) curv[i] = i < m ? hp : hm;
  return finish(curv, m, true);
}

function finish(curv: Float64Array, high: number, exact: boolean): PointRealisation {
  const n = curv.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += curv[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (curv[i] - mean) ** 2;
  return { curvatures: curv, a: mean, s: Math.sqrt(v / n), high, exact };
}

/** fᵢ(x) = ½ hᵢ x² with the hᵢ of realisePoint: the diagram's point made runnable. */
export function pointProblem(a: number, s: number, n: number): { problem: QuadraticProblem; realised: PointRealisation } {
  const realised = realisePoint(a, s, n);
  const notes = [
    `realised a = ${realised.a}, s = ${realised.s} with ${realised.high} of ${n} curvatures at the high value` +
      (realised.exact ? '' : ` (asked s = ${s}: n = ${n} components cannot spread that far with nonnegative curvatures)`),
  ];
  const problem = new QuadraticProblem(
    Array.from(realised.curvatures, (h) => Float64Array.of(h)),
    1,
    'point',
    notes,
  );
  return { problem, realised };
}

export const pointProblemDef = defineProblem({
  kind: 'point',
  can: { handPlaced: true },
  label: 'hand-placed minimum (a, s, n)',
  about: 'a 1D minimum with chosen sharpness a, non-uniformity s and n: n curvatures taking two values with mean a and population standard deviation s',
  minima: '0',
  keys: {
    a: { default: 2, doc: 'sharpness a ≥ 0', field: { label: 'sharpness a' } },
    s: { default: 1.8, doc: 'non-uniformity s ≥ 0', field: { label: 'non-uniformity s' } },
    n: { default: 2, doc: 'number of components', field: { label: 'components n' } },
  },
  build: (o) => pointProblem(o.a, o.s, o.n).problem,
  count: (o) => o.n,
});
