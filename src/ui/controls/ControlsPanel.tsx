import { useExplorer } from '../state/store';
import { BatchControl } from './BatchControl';
import { ChoiceField } from './ChoiceField';
import { EtaControl } from './EtaControl';
import { ProblemFields } from './ProblemFields';
import { RunControls } from './RunControls';

/** The left panel: η, B, sampling, the problem, the runs, the view. */
export function ControlsPanel() {
  const sampling = useExplorer((s) => s.config.sampling);
  const samplingError = useExplorer((s) => s.fieldErrors.sampling);
  const family = useExplorer((s) => s.config.family);
  const axes = useExplorer((s) => s.config.axes);
  const lecture = useExplorer((s) => s.config.lecture);
  const setConfig = useExplorer((s) => s.setConfig);
  return (
    <aside className="panel controls" id="controls" aria-label="controls" data-testid="controls">
      <fieldset>
        <legend>Step size and batch</legend>
        <EtaControl />
        <BatchControl />
        <ChoiceField
          label="sampling"
          testId="sampling"
          value={sampling}
          options={[
            { value: 'without', label: 'without replacement (Wu)' },
            { value: 'with', label: 'with replacement (Patel)' },
          ]}
          onChange={(v) => setConfig({ sampling: v })}
        />
        {samplingError && (
          <div className="field-error" role="alert" data-testid="error-sampling">
            {samplingError}
          </div>
        )}
      </fieldset>
      <ProblemFields />
      <RunControls />
      <fieldset>
        <legend>View</legend>
        <ChoiceField
          label="Fig. 3 family"
          testId="family"
          value={family}
          options={[
            { value: 'none', label: 'off' },
            { value: 'batch', label: 'several B at this η (left panel)' },
            { value: 'eta', label: 'several η at this B (right panel)' },
          ]}
          onChange={(v) => setConfig({ family: v })}
        />
        <ChoiceField
          label="axes"
          testId="axes"
          value={axes}
          options={[
            { value: 'linear', label: 'linear' },
            { value: 'log', label: 'log' },
          ]}
          onChange={(v) => setConfig({ axes: v })}
        />
        <label className="check">
          <input type="checkbox" data-testid="lecture-toggle" checked={lecture} onChange={(e) => setConfig({ lecture: e.target.checked })} /> lecture mode (L)
        </label>
      </fieldset>
    </aside>
  );
}
