import { useCallback, useId, useMemo, useState } from 'react';
import { useChart } from '../charts/use-chart';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { scrubAt } from '../sim/scrub';
import { createLandscapeChart, type LandscapeModel } from './landscape-chart';
import { LiveSpeech } from '../a11y/LiveSpeech';
import { describeLandscape } from '../a11y/describe-live';
import { landscapeDescriptionOf } from '../a11y/live-description-of';
import { LiveDataTable } from '../a11y/LiveTables';
import { landscapeTableOf } from '../a11y/live-table-of';
import type { LiveRun } from '../sim/live-run';

const NO_OPTIONS = {};

/** The landscape with the GD and SGD iterates (D3 inside, React around; live through the render loop). */
export function LandscapeView() {
  const sim = useSim();
  const lecture = useExplorer((s) => s.config.lecture);
  const dim = useExplorer((s) => s.info?.problem.dim ?? 1);
  const [coords, setCoords] = useState<[number, number]>([0, 1]);
  const model = useMemo<LandscapeModel | null>(
    () =>
      sim
        ? {
            get run() {
              return sim.current;
            },
            get scrub() {
              return scrubAt(sim.current);
            },
            lecture,
            coords,
          }
        : null,
    [sim, lecture, coords],
  );
  const box = useChart(createLandscapeChart, NO_OPTIONS, model, sim?.loop);
  const descId = useId();
  const describe = useCallback((run: LiveRun) => describeLandscape(landscapeDescriptionOf(run, coords)), [coords]);
  const table = useCallback((run: LiveRun) => landscapeTableOf(run, coords), [coords]);

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
      <div className="chart-box" ref={box} role="group" aria-label="loss landscape with the minima’s verdicts, SGD’s run 0 and GD" aria-describedby={descId} />
      <LiveSpeech id={descId} describe={describe} testId="landscape-description" />
      <LiveDataTable of={table} testId="landscape-table" what="the minima and where the runs are" />
    </div>
  );
}
