import { NEWEST_GENERATOR, streamRng, Salt, type Generator } from '../rng';
import * as pm from '../portable-math';

/**
 * Run r's start: x* plus a point drawn uniformly from the ball of radius ε
 * (Patel draws from a disc), from the stream (seed, r) so it does not depend on
 * how runs are grouped. In 1D the ball is the interval [−ε, ε].
 */
export function perturbedStart(center: Float64Array, radius: number, seed: number, runIndex: number, generator: Generator = NEWEST_GENERATOR): Float64Array {
  const d = center.length;
  const x = Float64Array.from(center);
  if (!(radius > 0)) return x;
  const rng = streamRng(generator, seed, runIndex, Salt.start);
  if (d === 1) {
    x[0] += radius * (2 * rng.next() - 1);
    return x;
  }
  const dir = new Float64Array(d);
  let norm = 0;
  while (norm === 0) {
    norm = 0;
    for (let j = 0; j < d; j++) {
      dir[j] = rng.normal();
      norm += dir[j] * dir[j];
    }
    norm = Math.sqrt(norm);
  }
  const r = radius * pm.pow(rng.next(), 1 / d);
  for (let j = 0; j < d; j++) x[j] += (r * dir[j]) / norm;
  return x;
}
