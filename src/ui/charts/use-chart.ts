import { useEffect, useRef } from 'react';
import type { Chart, CreateChart } from './chart';
import type { RenderLoop } from './render-loop';

/**
 * The one way a chart is mounted: create it on the returned node once (again
 * only if `create` or `options` change identity), resize it with its box, and
 * hand it each new model. With `loop`, the chart is live: it is also handed the
 * latest model on every frame of the render loop, where it draws only what the
 * run added since the last frame.
 */
export function useChart<M, O>(create: CreateChart<M, O>, options: O, model: M | null, loop?: RenderLoop | null) {
  const node = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart<M> | null>(null);
  const latest = useRef(model);
  useEffect(() => {
    const el = node.current;
    if (!el) return;
    const c = create(el, options);
    chart.current = c;
    c.resize();
    if (latest.current !== null) c.update(latest.current);
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    const off = loop ? loop.add(() => latest.current !== null && c.update(latest.current)) : () => undefined;
    return () => {
      off();
      ro.disconnect();
      c.destroy();
      chart.current = null;
    };
  }, [create, options, loop]);
  useEffect(() => {
    latest.current = model;
    if (model !== null) chart.current?.update(model);
  }, [model]);
  return node;
}
