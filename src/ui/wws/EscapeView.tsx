import { useMemo } from 'react';
import type { LiveRun } from '../sim/sim-controller';
import { createEscapeChart, type EscapeChartData } from './escape-chart';
import { useChart } from '../charts/use-chart';

const NO_OPTIONS = {};

/** Mean loss of the runs at their first recorded step (the switch point's loss in the Fig. 4 protocol). */
function startLoss(run: LiveRun | null): number {
  const b = run?.sgd ?? run?.gd;
  if (!b || b.count === 0) return 0;
  let s = 0;
  for (let r = 0; r < b.K; r++) s += b.loss[r * b.budget];
  return s / b.K;
}

/** Fig. 4: the runs' loss after the switch, their mean, and the slope γ₀ of Theorem 3.5 beside them. */
export function EscapeView({ run, gamma0, lecture, frame }: { run: LiveRun | null; gamma0: number | null; lecture: boolean; frame: number }) {
  const data = useMemo<EscapeChartData>(() => {
    const L0 = startLoss(run);
    return { sgd: run?.sgd ?? null, gd: run?.gd ?? null, theory: gamma0 !== null && L0 > 0 ? { L0, gamma0 } : null, lecture, frame };
  }, [run, gamma0, lecture, frame]);
  const box = useChart(createEscapeChart, NO_OPTIONS, data);
  return <div className="chart-box" ref={box} />;
}
