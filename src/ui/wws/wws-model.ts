import { batchFactor, type Sampling } from '../../core/batch-factor';
import type { SwitchInfo } from '../../core/engine/switch-protocol';
import type { WwsTheory } from '../../core/theory/alignment';
import type { StartedInfo } from '../../worker/protocol';

/** The minimum whose Frobenius bound is shown, and what it is. */
export interface ReachedMinimum {
  theory: WwsTheory;
  label: string;
}

/**
 * With the switch protocol it is GD's switch point θ_s (the minimum the runs
 * leave); otherwise the listed minimum the runs start from.
 */
export function reachedMinimum(info: StartedInfo | null, sw: SwitchInfo | null): ReachedMinimum | null {
  if (sw?.theory) return { theory: sw.theory, label: `GD’s switch point (step ${sw.step})` };
  const m = info?.minima[info.center];
  return m?.wws ? { theory: m.wws, label: m.label } : null;
}

/** One bar of the Frobenius panel: a measured norm of H, or a bound from the theory. */
export interface FrobeniusRow {
  key: 'frobenius' | 'bound' | 'trace' | 'gd';
  label: string;
  value: number;
  kind: 'minimum' | 'theory';
}

/**
 * ‖H‖_F and Tr(H) at the minimum beside the bounds: 1/(η√(cμ₀)), √(B/μ₀)/η with replacement (Wu–Wang–Su
 * Theorem 3.3, linear stability of SGD) and 2√p/η (GD's λ_max ≤ 2/η).
 */
export function frobeniusRows(th: WwsTheory): FrobeniusRow[] {
  const rows: FrobeniusRow[] = [
    { key: 'frobenius', label: '‖H‖_F at the minimum', value: th.frobenius, kind: 'minimum' },
    { key: 'trace', label: 'Tr(H) at the minimum', value: th.traceH, kind: 'minimum' },
  ];
  if (th.frobeniusBound !== null) rows.push({ key: 'bound', label: th.frobeniusBoundSource.startsWith('extension') ? 'theory 1/(η√(cμ₀)) (Thm 3.3, extended)' : 'theory √(B/μ₀)/η (Thm 3.3)', value: th.frobeniusBound, kind: 'theory' });
  rows.push({ key: 'gd', label: 'theory 2√p/η (GD)', value: th.gdFrobeniusBound, kind: 'theory' });
  return rows;
}

/** Batch sizes of the sweep: 1, 2, 4, … up to n, and n itself. */
export function sweepBatches(n: number): number[] {
  const out: number[] = [];
  for (let B = 1; B < n; B *= 2) out.push(B);
  out.push(n);
  return out;
}

/**
 * Fig. 6b at one minimum: ‖H‖_F / (√(B/μ₀)/η) = η‖H‖_F√(μ₀/B) for each B.
 * Above 1 the minimum is linearly unstable for SGD with that B (Theorem 3.3);
 * the ratio is closest to 1 (the bound tightest) at small B. Empty without μ₀.
 */
export function batchSweep(th: WwsTheory, eta: number, n: number, current?: number, sampling: Sampling = 'with'): Array<{ B: number; ratio: number }> {
  if (th.mu0 === null) return [];
  const mu0 = th.mu0;
  const Bs = [...new Set([...sweepBatches(n), ...(current ? [current] : [])])].sort((a, b) => a - b);
  // ‖H‖_F over the bound 1/(η√(cμ₀)) for the sampling in use: c = 1/B with replacement (the paper's
  // Theorem 3.3), (n − B)/(B(n − 1)) without (docs/theory.md#alignment-and-the-frobenius-bound).
  return Bs.map((B) => ({ B, ratio: eta * th.frobenius * Math.sqrt(mu0 * batchFactor(n, B, sampling)) }));
}

/** Theorem 3.5's line L₀·γ₀ᵗ at a few steps, for t from 0 to tMax. */
export function gammaLine(L0: number, gamma0: number, tMax: number, points = 64): Array<{ t: number; loss: number }> {
  const out: Array<{ t: number; loss: number }> = [];
  for (let i = 0; i <= points; i++) {
    const t = (tMax * i) / points;
    out.push({ t, loss: L0 * Math.pow(gamma0, t) });
  }
  return out;
}

/** Loss axis of the escape chart: from the smallest loss to the largest, capped (diverging runs leave through the top). */
export const LOSS_CAP = 1e4;
export function lossDomain(lo: number, hi: number): [number, number] {
  if (!(lo > 0) || !(hi > lo)) return [1e-8, 1];
  const top = Math.min(hi, LOSS_CAP);
  const bottom = Math.max(lo, top * 1e-24);
  return [bottom / 1.5, top * 1.5];
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 9.5·10⁻⁷ for 9.52e-7: a loss as a lecture hall reads it (1·10⁻⁶ for a round mantissa). */
export function sci(v: number, digits = 2): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const [mant, exp] = v.toExponential(digits - 1).split('e');
  const e = Number(exp);
  const m = mant.replace(/\.0+$/, '');
  if (e === 0) return m;
  return `${m}·10${String(e)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('')}`;
}

/**
 * The measured growth of the mean loss per step: e^slope of a least-squares line
 * through ln(mean L_t), over the local regime (until the mean first exceeds
 * 10³·L₀, three decades up; over every point when it never does). Compare it
 * with γ₀, Theorem 3.5's lower bound on that growth.
 */
export function fittedGrowth(step: ArrayLike<number>, mean: ArrayLike<number>): { rate: number; from: number; to: number } | null {
  const L0 = mean[0];
  if (!(L0 > 0) || step.length < 3) return null;
  let end = step.length - 1;
  for (let j = 1; j < step.length; j++)
    if (!(mean[j] <= 1e3 * L0)) {
      end = j;
      break;
    }
  const t: number[] = [];
  const y: number[] = [];
  for (let j = 0; j <= end; j++) {
    if (!(mean[j] > 0) || !Number.isFinite(mean[j])) continue;
    t.push(step[j]);
    y.push(Math.log(mean[j]));
  }
  if (t.length < 3) return null;
  const mt = t.reduce((a, b) => a + b, 0) / t.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let stt = 0;
  let sty = 0;
  for (let i = 0; i < t.length; i++) {
    stt += (t[i] - mt) ** 2;
    sty += (t[i] - mt) * (y[i] - my);
  }
  return { rate: Math.exp(sty / stt), from: t[0], to: t[t.length - 1] };
}
