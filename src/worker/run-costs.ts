import type { Problem } from '../core/problems/problem';
import { isSquareLoss } from '../core/problems/square-loss';

/*
 * What a live run costs beyond its steps, estimated before it starts: the
 * session decides from these whether the theory waits for the runs, and how
 * often run 0's alignment is measured.
 */

/**
 * Above this estimate of the theory's work (multiply–adds over all minima) the runs start
 * first and the theory follows: about 30 ms of it in the page.
 */
export const THEORY_INLINE_WORK = 3e7;

/**
 * A rough count of the multiply–adds of theoryOfMinima: the sets (n·d³) and ρ(𝒯) on the
 * m = d(d+1)/2 dimensional symmetric matrices (m³), and for square-loss models the
 * alignment (n²·p). The m³ term puts `random` with d = 30 (about 0.3 s of theory in Node)
 * in the theory worker, so its runs stream at once; d = 20 (0.1 s) stays inline.
 */
export function theoryWork(problem: Problem): number {
  const n = problem.n;
  const d = problem.dim;
  const m = (d * (d + 1)) / 2;
  const each = isSquareLoss(problem) ? n * n * d + n * n * n : n * d * d * d + m * m * m;
  return problem.minima.length * each;
}

/**
 * The alignment of run 0 is computed on a fixed grid of steps (so it does not
 * depend on the slicing): at most 60 points, fewer for large models, where one
 * evaluation costs O(n²p) (about 130 ms at n = 200, p = 1000).
 */
const ALIGN_WORK = 4e8;
const ALIGN_POINTS = { min: 5, max: 60 };

/** Steps between two alignment points, or 0 for a model without them. */
export function alignmentEvery(problem: Problem, steps: number): number {
  if (!isSquareLoss(problem)) return 0;
  const points = Math.min(ALIGN_POINTS.max, Math.max(ALIGN_POINTS.min, Math.floor(ALIGN_WORK / (problem.n * problem.n * problem.dim))));
  return Math.max(1, Math.ceil(steps / points));
}
