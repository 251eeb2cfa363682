import { useEffect, useRef, useState } from 'react';

export interface SizedChart<M> {
  update(model: M): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * React around, D3 inside: create the chart on an SVG once, size it to its box,
 * and hand it each new model. `create` must keep its identity (useCallback).
 */
export function useChart<M>(create: (svg: SVGSVGElement) => SizedChart<M>, model: M | null) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<SizedChart<M> | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    const box = boxRef.current;
    if (!svg || !box) return;
    const h = create(svg);
    const ro = new ResizeObserver(() => h.resize(box.clientWidth, box.clientHeight));
    ro.observe(box);
    h.resize(box.clientWidth, box.clientHeight);
    // The chart is an external system that exists only while mounted.
    // oxlint-disable-next-line react/set-state-in-effect
    setChart(h);
    return () => {
      ro.disconnect();
      h.destroy();
    };
  }, [create]);
  useEffect(() => {
    if (chart && model) chart.update(model);
  }, [chart, model]);
  return { svgRef, boxRef };
}
