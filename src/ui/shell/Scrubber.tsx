import { useEffect, useRef, useState } from 'react';
import { useSim } from '../sim/sim-context';
import { scrubAt, scrubBuffers } from '../sim/scrub';
import { useExplorer } from '../state/store';
import './scrubber.css';

/** Play-back speeds, in recorded steps per second. */
const SPEEDS = [8, 24, 64] as const;

/**
 * The time scrubber: a step t within the steps recorded so far (the decimated
 * histories, as the CSV export holds them); the views show the ensemble at t.
 * "Live" follows the run again; "Play back" replays the recorded history at
 * the chosen speed without recomputing anything.
 */
export function Scrubber() {
  const sim = useSim();
  // Re-read the run a few times a second (the store's frame counter), not on every streamed frame.
  useExplorer((s) => s.frame);
  const t = useExplorer((s) => s.config.t);
  const setConfig = useExplorer((s) => s.setConfig);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1]);
  const raf = useRef<number | null>(null);

  const run = sim?.current ?? null;
  const b = scrubBuffers(run);
  const count = b?.count ?? 0;
  const at = scrubAt(run, t);
  const index = at ? at.j : Math.max(0, count - 1);
  const waiting = t >= 0 && !at && count > 0;

  useEffect(() => {
    if (!playing || !sim) return;
    let last = performance.now();
    let pos = -1;
    const tick = (now: number) => {
      const live = sim.current;
      const buf = scrubBuffers(live);
      if (!buf || buf.count === 0) return setPlaying(false);
      if (pos < 0) {
        const from = scrubAt(live);
        pos = from && from.j < buf.count - 1 ? from.j : 0;
      }
      pos = Math.min(buf.count - 1, pos + ((now - last) / 1000) * speed);
      last = now;
      useExplorer.getState().setConfig({ t: buf.step[Math.floor(pos)] });
      if (pos >= buf.count - 1) return setPlaying(false);
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => {
      if (raf.current !== null) cancelAnimationFrame(raf.current);
    };
  }, [playing, speed, sim]);

  const label = at ? `t = ${at.t}` : waiting ? `t = ${t} (waiting for the run)` : `live${run ? ` (t = ${run.t})` : ''}`;
  return (
    <div className="scrubber" data-testid="scrubber" data-t={at ? at.t : ''}>
      <label htmlFor="scrubber-range">Time</label>
      <input
        id="scrubber-range"
        type="range"
        data-testid="scrubber-range"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={index}
        disabled={count === 0}
        aria-valuetext={label}
        aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
        onChange={(e) => {
          if (!b) return;
          setPlaying(false);
          setConfig({ t: b.step[Math.min(b.count - 1, Number(e.target.value))] });
        }}
      />
      <span className="scrub-t" data-testid="scrubber-t" aria-live="polite">
        {label}
      </span>
      <button type="button" data-testid="scrubber-live" disabled={t < 0} onClick={() => (setPlaying(false), setConfig({ t: -1 }))}>
        Live
      </button>
      <button type="button" data-testid="scrubber-play" aria-pressed={playing} disabled={count < 2} onClick={() => setPlaying(!playing)}>
        {playing ? 'Stop' : 'Play back'}
      </button>
      <select aria-label="play-back speed" data-testid="scrubber-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s} points/s
          </option>
        ))}
      </select>
    </div>
  );
}
