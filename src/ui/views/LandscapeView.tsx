import { useEffect, useRef, useState } from 'react';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { createLandscapeChart, type LandscapeHandle } from './landscape-chart';
import type { LiveRun } from '../sim/sim-controller';

/** The landscape with the GD and SGD iterates (D3 inside, React around). */
export function LandscapeView() {
  const box = useRef<HTMLDivElement>(null);
  const sim = useSim();
  const lecture = useExplorer((s) => s.config.lecture);
  const dim = useExplorer((s) => s.info?.problem.dim ?? 1);
  const [coords, setCoords] = useState<[number, number]>([0, 1]);
  const state = useRef({ lecture, coords });
  const chart = useRef<LandscapeHandle | null>(null);
  const last = useRef<LiveRun | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = createLandscapeChart(el);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize(el.clientWidth, el.clientHeight));
    ro.observe(el);
    c.resize(el.clientWidth, el.clientHeight);
    const off = sim
      ? sim.subscribe((run) => {
          last.current = run;
          c.draw(run, state.current.lecture, state.current.coords);
        })
      : () => undefined;
    return () => {
      off();
      ro.disconnect();
      c.destroy();
    };
  }, [sim]);

  useEffect(() => {
    state.current = { lecture, coords };
    chart.current?.draw(last.current, lecture, coords);
  }, [lecture, coords]);

  const options = Array.from({ length: Math.min(dim, 100) }, (_v, i) => i);
  return (
    <div className="view-with-tools">
      {dim > 2 && (
        <div className="tools">
          <label>
            horizontal x
            <select aria-label="horizontal coordinate" value={coords[0]} onChange={(e) => setCoords([Number(e.target.value), coords[1]])}>
              {options.map((i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
          <label>
            vertical x
            <select aria-label="vertical coordinate" value={coords[1]} onChange={(e) => setCoords([coords[0], Number(e.target.value)])}>
              {options.map((i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="chart-box" ref={box} />
    </div>
  );
}
