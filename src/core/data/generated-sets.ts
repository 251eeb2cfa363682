import * as pm from '../portable-math';
import { Mulberry32, Salt } from '../rng';
import type { Dataset } from './dataset';

/**
 * The two drawn sets of the network problem, from the problem seed. Every
 * transcendental goes through the portable maths, so Node and Chromium draw the
 * same bits (src/core/portable-math.ts).
 */

/** Two moons: row i has class i mod 2; t ~ U[0, π]; (cos t, sin t) or (1 − cos t, ½ − sin t), plus N(0, 0.1²) noise on each coordinate. */
export function moons(n: number, pseed: number): Dataset {
  const rng = new Mulberry32(pseed, 0, Salt.problem + 11);
  const inputs = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = Math.PI * rng.next();
    const x = c === 0 ? pm.cos(t) : 1 - pm.cos(t);
    const y = c === 0 ? pm.sin(t) : 0.5 - pm.sin(t);
    inputs[2 * i] = x + 0.1 * rng.normal();
    inputs[2 * i + 1] = y + 0.1 * rng.normal();
    labels[i] = c;
  }
  return { name: 'moons', n, dim: 2, classes: 2, inputs, labels };
}

export const TEACHER_INPUT = 10;
export const TEACHER_HIDDEN = 20;
export const TEACHER_CLASSES = 3;

/**
 * A teacher network's labels: xᵢ ~ N(0, I₁₀), a random tanh network 10–20–3
 * with weights N(0, 1/fan-in) and no biases, and the class is its largest output.
 */
export function teacher(n: number, pseed: number): Dataset {
  const rng = new Mulberry32(pseed, 0, Salt.problem + 13);
  const d = TEACHER_INPUT;
  const h = TEACHER_HIDDEN;
  const k = TEACHER_CLASSES;
  const W1 = Float64Array.from({ length: h * d }, () => rng.normal() / Math.sqrt(d));
  const W2 = Float64Array.from({ length: k * h }, () => rng.normal() / Math.sqrt(h));
  const inputs = Float64Array.from({ length: n * d }, () => rng.normal());
  const labels = new Int32Array(n);
  const hidden = new Float64Array(h);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < h; u++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += W1[u * d + j] * inputs[i * d + j];
      hidden[u] = pm.tanh(z);
    }
    let best = 0;
    let bestValue = -Infinity;
    for (let c = 0; c < k; c++) {
      let z = 0;
      for (let u = 0; u < h; u++) z += W2[c * h + u] * hidden[u];
      if (z > bestValue) {
        bestValue = z;
        best = c;
      }
    }
    labels[i] = best;
  }
  return { name: 'teacher', n, dim: d, classes: k, inputs, labels };
}
