import { useMemo } from 'react';
import { createAlignmentChart, type AlignmentChartData } from './alignment-chart';
import type { AlignmentSeries } from './wws-companion';
import { useChart } from '../charts/use-chart';

const NO_OPTIONS = {};
const NONE: AlignmentSeries = { step: [], loss: [], alpha: [], beta: [], mu: [], gamma: [] };

/** α, β, μ, γ of SGD run 0's iterate against the step, with μ₀ at the minimum beside them. */
export function AlignmentView({ series, tMax, mu0, lecture }: { series: AlignmentSeries | null; tMax: number; mu0: number | null; lecture: boolean }) {
  const data = useMemo<AlignmentChartData>(() => ({ series: series ?? NONE, tMax, mu0, lecture }), [series, tMax, mu0, lecture]);
  const box = useChart(createAlignmentChart, NO_OPTIONS, data);
  return <div className="chart-box" ref={box} />;
}
