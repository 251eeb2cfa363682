import { useEffect, useRef } from 'react';
import type { Chart, CreateChart } from './chart';
import type { RenderLoop } from './render-loop';
import { gestureHeld } from './pointer-held';

/**
 * The one way a chart is mounted: create it on the returned node once (again
 * only if `create` or `options` change identity), resize it with its box, and
 * hand it each new model. With `loop`, the chart is live: it is also handed the
 * latest model on every frame of the render loop, where it draws only what the
 * run added since the last frame.
 *
 * While a gesture is held (a drag, a repeating key) a new model is drawn in the
 * next animation frame, not inside the event that made it: the input returns at
 * once, and however many models arrive before that frame (a slider and the
 * worker's answer), the chart draws the last one once. The frame is the
 * input's own (requestAnimationFrame runs before that frame is painted), so the
 * rectangle still follows the hand frame by frame (docs/architecture.md, "How a
 * number travels"). Otherwise the model is drawn at once, as it arrives.
 */
export function useChart<M, O>(create: CreateChart<M, O>, options: O, model: M | null, loop?: RenderLoop | null) {
  const node = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart<M> | null>(null);
  const latest = useRef(model);
  /** The model the chart was last handed, so a frame with nothing new draws nothing extra. */
  const drawn = useRef<M | null>(null);
  const frame = useRef(0);
  useEffect(() => {
    const el = node.current;
    if (!el) return;
    const c = create(el, options);
    chart.current = c;
    c.resize();
    drawn.current = latest.current;
    if (latest.current !== null) c.update(latest.current);
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    const off = loop
      ? loop.add(() => {
          drawn.current = latest.current;
          if (latest.current !== null) c.update(latest.current);
        })
      : () => undefined;
    return () => {
      off();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      ro.disconnect();
      c.destroy();
      chart.current = null;
    };
  }, [create, options, loop]);
  useEffect(() => {
    latest.current = model;
    if (model === null || model === drawn.current || !chart.current) return;
    if (!gestureHeld()) {
      drawn.current = model;
      chart.current.update(model);
      return;
    }
    // A live chart draws in the render loop's frame with the other views; any other in its own.
    if (loop) {
      loop.request();
      return;
    }
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const m = latest.current;
      if (m === null || m === drawn.current) return;
      drawn.current = m;
      chart.current?.update(m);
    });
  }, [model, loop]);
  return node;
}
