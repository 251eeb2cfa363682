import { useId } from 'react';
import { formulaListError } from '../../core/params/formula-check';
import { useFormulaCompiler } from './use-formula-compiler';
import { useDraft } from './use-draft';
import { PARAMS, type ParamKey } from '../../core/params/param-table';
import type { ParamSpec, ParamValue } from '../../core/params/param-types';
import { useExplorer } from '../state/store';

interface Props {
  name: ParamKey;
  label: string;
  /** Wider box, or a textarea for formulas. */
  multiline?: boolean;
  hint?: string;
}

/**
 * One key of the parameter table as a text box: typed text is parsed by the
 * table on Enter or blur; a refused value shows a message naming the field,
 * and the previous value stays in force.
 */
export function TextField({ name, label, multiline, hint }: Props) {
  const id = useId();
  const value = useExplorer((s) => s.config[name]);
  const error = useExplorer((s) => s.fieldErrors[name]);
  const setField = useExplorer((s) => s.setField);
  const spec: ParamSpec<ParamValue> = PARAMS[name];
  const text = spec.format(value);
  const [draft, setDraft] = useDraft(text);
  // Formulas are checked as they are typed, like a graphing calculator; other fields on Enter or blur.
  useFormulaCompiler(name === 'f');
  const typing = name === 'f' && draft !== text;
  const live = typing ? formulaListError(draft) : null;
  const commit = () => {
    if (draft !== text) setField(name, draft);
  };
  const common = {
    id,
    value: draft,
    'aria-invalid': (error && !typing) || live ? true : undefined,
    'aria-describedby': (error && !typing) || live ? `${id}-err` : undefined,
    'data-testid': `field-${name}`,
    onBlur: commit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      {hint && <div className="hint">{hint}</div>}
      {error && !typing && (
        <div className="field-error" id={`${id}-err`} role="alert" data-testid={`error-${name}`}>
          {error}
        </div>
      )}
      {live && (
        <div className="field-error" id={`${id}-err`} role="status" data-testid={`typing-${name}`}>
          {live}
        </div>
      )}
    </div>
  );
}
