import { useChart, type SizedChart } from './use-chart';

/** A box the chart fills: React owns the node, D3 (through `create`) draws inside. */
export function ChartBox<M>({ create, model }: { create: (svg: SVGSVGElement) => SizedChart<M>; model: M | null }) {
  const { svgRef, boxRef } = useChart(create, model);
  return (
    <div className="chart-fill" ref={boxRef}>
      <svg ref={svgRef} />
    </div>
  );
}
