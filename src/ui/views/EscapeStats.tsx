import { scaleLinear } from 'd3-scale';
import { useEffect, useRef, useState } from 'react';
import { wilson95 } from '../../core/stats';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { COLORS } from '../theme/colors';
import { fmt } from '../diagram/diagram-model';

interface Counts {
  K: number;
  escaped: number;
  diverged: number;
  steps: number[];
  t: number;
}

const BINS = 24;

/**
 * The fraction of SGD runs that escaped, with its 95 % Wilson interval, and a
 * histogram of escape steps: counted from the runs. Beside it, the predicted
 * escape times from ρ(𝒯) and Λ: computed from the formulas.
 */
export function EscapeStats() {
  const sim = useSim();
  const info = useExplorer((s) => s.info);
  const lecture = useExplorer((s) => s.config.lecture);
  const [counts, setCounts] = useState<Counts | null>(null);
  const lastT = useRef(-1);
  useEffect(() => {
    if (!sim) return;
    return sim.subscribe((run) => {
      const b = run?.sgd;
      if (!run || !b) return setCounts(null);
      if (run.t === lastT.current && !run.done) return;
      lastT.current = run.t;
      const steps: number[] = [];
      let diverged = 0;
      for (let r = 0; r < b.K; r++) {
        if (b.escapeStep[r] >= 0) steps.push(b.escapeStep[r]);
        if (b.divergedStep[r] >= 0) diverged++;
      }
      setCounts({ K: b.K, escaped: steps.length, diverged, steps, t: run.t });
    });
  }, [sim]);

  const m = info ? info.minima[info.center] : null;
  const W = 520;
  const H = lecture ? 230 : 170;
  const fs = lecture ? 22 : 15;
  const tMax = Math.max(counts?.t ?? 1, 1);
  const x = scaleLinear().domain([0, tMax]).range([40, W - 10]);
  const bins = new Array<number>(BINS).fill(0);
  for (const s of counts?.steps ?? []) bins[Math.min(BINS - 1, Math.floor((s / tMax) * BINS))]++;
  const top = Math.max(1, ...bins);
  const y = scaleLinear().domain([0, top]).range([H - 28, 8]);
  const [lo, hi] = counts ? wilson95(counts.escaped, counts.K) : [0, 0];
  const predicted: Array<[string, number | null, string]> = m
    ? [
        ['ρ(𝒯)', m.escapeStepsFromRho, COLORS.theory],
        ['Λ', m.escapeStepsFromLyapunov, COLORS.reference],
      ]
    : [];
  return (
    <section className="stats" data-testid="escape-stats" aria-label="escape statistics">
      <div className="two-col">
        <div>
          <h3>Measured (from the runs)</h3>
          {counts ? (
            <p data-testid="escape-fraction">
              <strong>
                {counts.escaped} of {counts.K}
              </strong>{' '}
              SGD runs escaped ({fmt((100 * counts.escaped) / counts.K)} %, 95 % interval {fmt(100 * lo)}–{fmt(100 * hi)} %)
              {counts.diverged > 0 && <>; {counts.diverged} diverged</>}
            </p>
          ) : (
            <p>no SGD runs</p>
          )}
        </div>
        <div>
          <h3>Predicted (from the theory)</h3>
          {m ? (
            <p data-testid="escape-predicted">
              {predicted.map(([k, v]) => (
                <span key={k}>
                  from {k}: {v === null ? 'no escape (not growing)' : `≈ ${fmt(v)} steps`}
                  <br />
                </span>
              ))}
              start minimum {m.label}: ρ(𝒯) = {fmt(m.spectralRadius)}, Λ = {fmt(m.lyapunov.value)}
            </p>
          ) : (
            <p>—</p>
          )}
        </div>
      </div>
      <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="histogram of escape steps">
        {bins.map((c, i) => (
          <rect key={i} x={x((i * tMax) / BINS) + 1} width={Math.max(1, x(tMax / BINS) - x(0) - 2)} y={y(c)} height={y(0) - y(c)} fill={COLORS.sgdRun} />
        ))}
        {predicted.map(([k, v, color]) =>
          v !== null && v <= tMax ? (
            <g key={k}>
              <line x1={x(v)} x2={x(v)} y1={8} y2={H - 28} stroke={color} strokeDasharray="6 4" strokeWidth={2} />
              <text x={x(v) + 4} y={fs + 6} fontSize={fs - 2}>
                {k}
              </text>
            </g>
          ) : null,
        )}
        <line x1={40} x2={W - 10} y1={H - 28} y2={H - 28} stroke="#333" />
        <text x={40} y={H - 8} fontSize={fs - 2}>
          0
        </text>
        <text x={W - 10} y={H - 8} fontSize={fs - 2} textAnchor="end">
          escape step (t = {tMax})
        </text>
      </svg>
    </section>
  );
}
