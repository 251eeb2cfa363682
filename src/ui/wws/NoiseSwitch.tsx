import type { Config } from '../../core/params/param-table';
import { useExplorer } from '../state/store';

const OPTIONS: Array<{ value: Config['noise']; label: string; note: string }> = [
  { value: 'sgd', label: 'SGD', note: 'its own minibatch noise' },
  { value: 'isotropic', label: 'isotropic', note: 'S = 2σ²L·I, σ² = Tr(H)/p' },
  { value: 'aligned', label: 'aligned', note: 'S = 2L·H' },
];

/**
 * Wu–Wang–Su §3.3: replace SGD's noise by Gaussian noise of the same total
 * variance, isotropic or aligned with H (the `noise` key).
 */
export function NoiseSwitch() {
  const noise = useExplorer((s) => s.config.noise);
  const setConfig = useExplorer((s) => s.setConfig);
  return (
    <fieldset className="wws-noise" data-testid="wws-noise">
      <legend>Noise of the runs</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className={noise === o.value ? 'on' : ''}>
          <input type="radio" name="wws-noise" value={o.value} checked={noise === o.value} onChange={() => setConfig({ noise: o.value }, { push: true })} />
          <span className="name">{o.label}</span> <span className="hint">{o.note}</span>
        </label>
      ))}
    </fieldset>
  );
}
