import { useEffect, useRef } from 'react';

export interface ChartHandle<D> {
  draw(d: D): void;
  resize(w: number, h: number): void;
  destroy(): void;
}

/** D3 owns the inside of the node; React owns its life: create on mount, redraw on new data, resize with the box. */
export function useD3Chart<D>(create: (el: HTMLDivElement) => ChartHandle<D>, data: D) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartHandle<D> | null>(null);
  const latest = useRef(data);
  useEffect(() => {
    const el = box.current!;
    const c = create(el);
    chart.current = c;
    c.resize(el.clientWidth, el.clientHeight);
    c.draw(latest.current);
    const ro = new ResizeObserver(() => c.resize(el.clientWidth, el.clientHeight));
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.destroy();
      chart.current = null;
    };
  }, [create]);
  useEffect(() => {
    latest.current = data;
    chart.current?.draw(data);
  }, [data]);
  return box;
}
