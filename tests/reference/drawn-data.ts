import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import type { CircleProblem } from '../../src/core/problems/circle';
import type { DiagonalNetworkModel } from '../../src/core/problems/diagonal-network';
import type { MlpProblem } from '../../src/core/network/mlp-problem';
import type { Problem } from '../../src/core/problems/problem';
import type { RandomFeaturesModel } from '../../src/core/problems/random-features';
import type { SquareLossProblem } from '../../src/core/problems/square-loss';
import type { StyblinskiProblem } from '../../src/core/problems/styblinski';
import type { SimOutput } from '../../src/core/simulate';

/**
 * The seeded draws of a drawn problem, as tests/reference/drawn_problems.py reads them: the
 * problem's own coefficients, data or features, never a Hessian, a minimum or a number of the
 * theory (the dln minimum, a GD limit, is the one exception, and the reference checks that it
 * interpolates). `near` is the styblinski start minimum, for the reference to name the same one.
 * A network's minima are where training ends: for mlp, the rows it trained on and the end points θ
 * that `npm run sim` printed (`printed`, its output for the same link), never a number computed there.
 */
export function drawnData(query: string, printed?: SimOutput): Record<string, unknown> {
  const { config } = decodeQuery(query);
  const problem: Problem = buildProblem(config).problem;
  const rows = (a: Float64Array, cols: number) => Array.from({ length: a.length / cols }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols)));
  switch (problem.kind) {
    case 'random': {
      // Qᵢ = AᵢAᵢᵀ/d is the component itself (fᵢ = ½xᵀQᵢx): its Hessian everywhere.
      const d = problem.dim;
      const out = new Float64Array(d * d);
      const Q = Array.from({ length: problem.n }, (_, i) => {
        problem.componentHessian(i, new Float64Array(d), out);
        return rows(out, d);
      });
      return { Q };
    }
    case 'circle': {
      const c = problem as CircleProblem;
      return { q1: [...c.q1], q2: [...c.q2], c1: [...c.c1], c3: [...c.c3] };
    }
    case 'styblinski': {
      const s = problem as StyblinskiProblem;
      return { c1: rows(s.c1, s.dim), c2: rows(s.c2, s.dim), c3: rows(s.c3, s.dim), near: [...s.minima[config.start].x] };
    }
    case 'features': {
      const m = (problem as SquareLossProblem).model as RandomFeaturesModel;
      return { phi: rows(m.phi, m.p), y: [...m.y] };
    }
    case 'dln': {
      const m = (problem as SquareLossProblem).model as DiagonalNetworkModel;
      return { X: rows(m.X, m.k), y: [...m.y], theta: [...problem.minima[config.start].x] };
    }
    case 'mlp': {
      const { data } = (problem as MlpProblem).spec;
      if (!printed?.network) throw new Error(`${query}: the reference needs the command line's end points`);
      return { X: rows(data.inputs, data.dim), y: [...data.labels], ends: printed.network.ends.map(({ optimiser, run, theta }) => ({ optimiser, run, theta })) };
    }
    default:
      throw new Error(`no draws for problem ${problem.kind}`);
  }
}
