import type { CreateChart } from '../charts/chart';
import { useChart } from '../charts/use-chart';

const NO_OPTIONS = {};

/** A box the chart fills: React owns the node, D3 (through `create`) draws inside. */
export function ChartBox<M, O = object>({ create, options, model }: { create: CreateChart<M, O>; options?: O; model: M | null }) {
  const node = useChart(create, (options ?? NO_OPTIONS) as O, model);
  return <div className="chart-fill" ref={node} />;
}
