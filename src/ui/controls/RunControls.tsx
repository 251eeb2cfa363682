import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { useCompareRuns } from '../sim/compare-context';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

const SPEEDS = [
  { value: '2', label: '2 steps/s' },
  { value: '10', label: '10 steps/s' },
  { value: '60', label: '60 steps/s' },
  { value: '500', label: '500 steps/s' },
  { value: '10000', label: '10 000 steps/s' },
  { value: '0', label: 'as fast as it goes' },
] as const;

/** Play, pause, step, reset, speed and the stop rule; the seed and the ensemble. */
export function RunControls() {
  const sim = useSim();
  const cmp = useCompareRuns();
  const paused = useExplorer((s) => s.paused);
  const setPaused = useExplorer((s) => s.setPaused);
  const speed = useExplorer((s) => s.config.speed);
  const stop = useExplorer((s) => s.config.stop);
  const setConfig = useExplorer((s) => s.setConfig);
  const speedValue = SPEEDS.some((o) => Number(o.value) === speed) ? String(speed) : '0';
  return (
    <fieldset>
      <legend>Runs</legend>
      <div className="buttons">
        <button type="button" data-testid="play" aria-keyshortcuts="Space" onClick={() => setPaused(!paused)}>
          {paused ? '▶ Play' : '❚❚ Pause'}
        </button>
        <button type="button" data-testid="step" aria-keyshortcuts="ArrowRight" onClick={() => sim?.step(1)}>
          Step →
        </button>
        <button type="button" data-testid="reset" aria-keyshortcuts="R" onClick={() => (sim?.restart(), cmp?.restart())}>
          ↺ Reset
        </button>
      </div>
      <ChoiceField label="speed" testId="speed" value={speedValue} options={SPEEDS} onChange={(v) => setConfig({ speed: Number(v) })} />
      <ChoiceField
        label="stop"
        value={stop}
        options={[
          { value: 'steps', label: 'after the steps' },
          { value: 'settled', label: 'when all escaped, diverged or converged' },
        ]}
        onChange={(v) => setConfig({ stop: v })}
      />
      <div className="grid2">
        <TextField name="seed" label="seed" />
        <TextField name="runs" label="SGD runs K" />
        <TextField name="steps" label="steps" />
        <TextField name="start" label="start minimum" />
        <TextField name="radius" label="start radius ε" />
        <TextField name="escape" label="escape radius R" />
      </div>
    </fieldset>
  );
}
