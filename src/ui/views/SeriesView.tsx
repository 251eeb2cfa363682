import { useEffect, useRef } from 'react';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { COLORS } from '../theme/colors';
import { createSeriesChart, type SeriesHandle, type TheoryLine } from './series-chart';
import type { LiveRun } from '../sim/sim-controller';

/**
 * The escape burst (loss, log scale; Wu Fig. 2 right, Fig. 8) or the distance
 * to the start minimum with the theory's ρ(𝒯)^{t/2} and, where it differs,
 * e^{Λt} drawn from the start (Wu–Wang–Su Fig. 4, Patel Figs. 1–8).
 */
export function SeriesView({ field }: { field: 'loss' | 'dist' }) {
  const box = useRef<HTMLDivElement>(null);
  const sim = useSim();
  const lecture = useExplorer((s) => s.config.lecture);
  const lectureRef = useRef(lecture);
  const chart = useRef<SeriesHandle | null>(null);
  const lastRun = useRef<LiveRun | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = createSeriesChart(el, { yLabel: field === 'loss' ? 'loss f(x_t) − f(x*)' : 'distance ‖x_t − x*‖', testId: field === 'loss' ? 'burst-view' : 'distance-view' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize(el.clientWidth, el.clientHeight));
    ro.observe(el);
    c.resize(el.clientWidth, el.clientHeight);
    const render = (run: LiveRun | null) => {
      lastRun.current = run;
      c.draw({
        sgd: run?.sgd ?? null,
        gd: run?.gd ?? null,
        field,
        theory: field === 'dist' && run ? theoryLines(run) : [],
        lecture: lectureRef.current,
        threshold: field === 'dist' && run ? run.info.config.escape : null,
      });
    };
    const off = sim ? sim.subscribe(render) : () => undefined;
    return () => {
      off();
      ro.disconnect();
      c.destroy();
      chart.current = null;
    };
  }, [sim, field]);

  useEffect(() => {
    lectureRef.current = lecture;
    const run = lastRun.current;
    chart.current?.draw({
      sgd: run?.sgd ?? null,
      gd: run?.gd ?? null,
      field,
      theory: field === 'dist' && run ? theoryLines(run) : [],
      lecture,
      threshold: field === 'dist' && run ? run.info.config.escape : null,
    });
  }, [lecture, field]);

  return <div className="chart-box" ref={box} />;
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

function theoryLines(run: LiveRun): TheoryLine[] {
  const m = run.info.minima[run.info.center];
  if (!m || !m.fixedPoint) return [];
  const d0 = startDistance(run);
  const out: TheoryLine[] = [];
  const rho = m.spectralRadius;
  // Mean-square growth: E‖x_t − x*‖² ~ ρ(𝒯)^t, so the rms distance grows as ρ^{t/2} (Wu Theorem 1; theory.md).
  if (rho > 0 && Number.isFinite(rho)) out.push({ label: `theory ρ(𝒯)^{t/2}, ρ = ${rho.toPrecision(4)}`, y0: d0, rate: 0.5 * Math.log(rho), color: COLORS.theory, dash: '8 5' });
  const lam = m.lyapunov.value;
  // Almost-sure growth e^{Λt}; drawn too where it parts from ½ ln ρ.
  if (Number.isFinite(lam) && Math.abs(lam - 0.5 * Math.log(rho)) > 0.01 * Math.max(1e-3, Math.abs(lam)))
    out.push({ label: `theory e^{Λt}, Λ = ${lam.toPrecision(3)}`, y0: d0, rate: lam, color: COLORS.reference, dash: '3 4' });
  return out;
}
