import { useMemo } from 'react';
import type { Sampling } from '../../core/batch-factor';
import { createFrobeniusChart, type FrobeniusChartData } from './frobenius-chart';
import { batchSweep, frobeniusRows, type ReachedMinimum } from './wws-model';
import { useChart } from '../charts/use-chart';

const NO_OPTIONS = {};

/** ‖H‖_F and Tr(H) at the minimum against the bounds, and the ratio over a sweep of B (Fig. 6b). */
export function FrobeniusView({ reached, eta, B, n, sampling, lecture }: { reached: ReachedMinimum | null; eta: number; B: number; n: number; sampling: Sampling; lecture: boolean }) {
  const data = useMemo<FrobeniusChartData>(
    () => ({ rows: reached ? frobeniusRows(reached.theory) : [], sweep: reached ? batchSweep(reached.theory, eta, n, B, sampling) : [], B, lecture }),
    [reached, eta, B, n, sampling, lecture],
  );
  const box = useChart(createFrobeniusChart, NO_OPTIONS, data);
  return (
    <div className="wws-frob">
      <div className="wws-caption">
        at <strong>{reached?.label ?? '…'}</strong>; below: the ratio for other B at this minimum (theory). Above 1 the minimum is unstable for SGD with that B.
      </div>
      <div className="chart-box" ref={box} />
    </div>
  );
}
