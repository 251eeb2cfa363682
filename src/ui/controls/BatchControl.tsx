import { selectN } from '../state/selectors';
import { useId } from 'react';
import { useDraft } from './use-draft';
import { DraftBox } from './DraftBox';
import { useExplorer } from '../state/store';

/** B: an integer from 1 to n; B = n without replacement is GD. */
export function BatchControl() {
  const id = useId();
  const B = useExplorer((s) => s.config.B);
  const n = useExplorer(selectN);
  const sampling = useExplorer((s) => s.config.sampling);
  const error = useExplorer((s) => s.fieldErrors.B);
  const setConfig = useExplorer((s) => s.setConfig);
  const setField = useExplorer((s) => s.setField);
  const clear = useExplorer((s) => s.clearFieldError);
  const [draft, setDraft] = useDraft(String(B));
  const commit = () => {
    if (draft.trim() !== String(B)) setField('B', draft);
  };
  const gd = B === n && sampling === 'without';
  return (
    <div className="field">
      <label htmlFor={`${id}-box`}>
        batch size B <span className="value">{B}</span>
        {gd && <span className="tag">B = n: GD</span>}
      </label>
      <div className="slider-row">
        <input
          type="range"
          aria-label="batch size B"
          data-testid="batch-slider"
          min={1}
          max={Math.max(1, n)}
          step={1}
          value={Math.min(B, n)}
          onInput={(e) => {
            clear('B');
            setConfig({ B: Number((e.target as HTMLInputElement).value) });
          }}
          onChange={() => undefined}
        />
        <DraftBox id={`${id}-box`} testId="batch-input" inputMode="numeric" draft={draft} setDraft={setDraft} commit={commit} invalid={!!error} />
      </div>
      <div className="hint">1 … n = {n}</div>
      {error && (
        <div className="field-error" role="alert" data-testid="error-B">
          {error}
        </div>
      )}
    </div>
  );
}
