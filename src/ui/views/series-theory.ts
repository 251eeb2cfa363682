import type { LiveRun } from '../sim/sim-controller';
import { COLORS } from '../theme/colors';

/** A theory line: y = y0 · exp(rate · t), drawn dashed from the start (never fitted to the runs). */
export interface TheoryLine {
  key: string;
  label: string;
  short: string;
  y0: number;
  /** Growth per step, natural log. */
  rate: number;
  color: string;
  dash: string;
}

/** Median start distance of the runs (their first recorded point), the origin of the theory's lines. */
function startDistance(run: LiveRun): number {
  const b = run.sgd ?? run.gd;
  if (!b || b.count === 0) return 0;
  const v: number[] = [];
  for (let r = 0; r < b.K; r++) v.push(b.dist[r * b.budget]);
  v.sort((p, q) => p - q);
  return v[Math.floor(v.length / 2)];
}

/**
 * The distance chart's theory: E‖x_t − x*‖² grows like ρ(𝒯)^t, so the rms
 * distance like ρ^{t/2} (docs/theory.md#the-second-moment-operator); almost surely it grows
 * like e^{Λt} (docs/theory.md#mean-square-and-almost-sure-stability), drawn too where it parts from ½ ln ρ.
 */
export function theoryLines(run: LiveRun): TheoryLine[] {
  const m = run.info.minima[run.info.center];
  if (!m || !m.fixedPoint) return [];
  // Before the runs' first point the lines are listed (the legend keeps its rows from the
  // run's start, so a restart does not move the plot twice) with no origin: not drawn yet.
  const first = startDistance(run);
  const d0 = first > 0 ? first : NaN;
  if ((run.sgd ?? run.gd)?.count && !(d0 > 0)) return [];
  const out: TheoryLine[] = [];
  const rho = m.spectralRadius;
  if (rho > 0 && Number.isFinite(rho))
    out.push({ key: 'rho', label: `theory ρ(𝒯)^{t/2}, ρ = ${rho.toPrecision(4)}`, short: 'ρ^{t/2}', y0: d0, rate: 0.5 * Math.log(rho), color: COLORS.theory, dash: '8 5' });
  const lam = m.lyapunov.value;
  if (Number.isFinite(lam) && Math.abs(lam - 0.5 * Math.log(rho)) > 0.01 * Math.max(1e-3, Math.abs(lam)))
    out.push({ key: 'lam', label: `theory e^{Λt}, Λ = ${lam.toPrecision(3)}`, short: 'e^{Λt}', y0: d0, rate: lam, color: COLORS.reference, dash: '3 4' });
  return out;
}
