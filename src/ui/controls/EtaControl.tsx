import { useId } from 'react';
import { useDraft } from './use-draft';
import { DraftBox } from './DraftBox';
import { useExplorer } from '../state/store';

const MIN = -3;
const MAX = 2;
const round4 = (v: number) => Number(v.toPrecision(4));

/** η: a log slider from 1e-3 to 1e2 and a numeric box (any positive η the table accepts). */
export function EtaControl() {
  const id = useId();
  const eta = useExplorer((s) => s.config.eta);
  const error = useExplorer((s) => s.fieldErrors.eta);
  const setConfig = useExplorer((s) => s.setConfig);
  const setField = useExplorer((s) => s.setField);
  const clear = useExplorer((s) => s.clearFieldError);
  const [draft, setDraft] = useDraft(String(eta));
  const commit = () => {
    if (draft.trim() !== String(eta)) setField('eta', draft);
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-box`}>
        learning rate η <span className="value">{eta}</span>
      </label>
      <div className="slider-row">
        <input
          type="range"
          aria-label="learning rate η (log scale)"
          data-testid="eta-slider"
          min={MIN}
          max={MAX}
          step={0.001}
          value={Math.min(MAX, Math.max(MIN, Math.log10(eta)))}
          onInput={(e) => {
            clear('eta');
            setConfig({ eta: round4(10 ** Number((e.target as HTMLInputElement).value)) });
          }}
          onChange={() => undefined}
        />
        <DraftBox id={`${id}-box`} testId="eta-input" inputMode="decimal" draft={draft} setDraft={setDraft} commit={commit} invalid={!!error} />
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="error-eta">
          {error}
        </div>
      )}
    </div>
  );
}
