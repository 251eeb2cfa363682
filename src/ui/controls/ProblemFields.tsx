import { selectN } from '../state/selectors';
import { useMemo } from 'react';
import { PARAMS } from '../../core/params/param-table';
import type { ParamSpec, ParamValue } from '../../core/params/param-types';
import type { FieldSpec } from '../../core/problems/problem-def';
import type { ProblemKeyName } from '../../core/problems/problem-keys';
import { quadraticWarnings } from '../../core/problems/quadratic-warnings';
import { PROBLEM_DEFS, problemFields } from '../../core/problems/registry';
import { useExplorer } from '../state/store';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

const PROBLEM_OPTIONS = PROBLEM_DEFS.map((d) => ({ value: d.kind, label: d.label }));

/** The problem and the keys that apply to it, as its registry entry lists them. */
export function ProblemFields() {
  const problem = useExplorer((s) => s.config.problem);
  const n = useExplorer(selectN);
  const setProblem = useExplorer((s) => s.setProblem);
  const H = useExplorer((s) => s.config.H);
  const hWarnings = useMemo(() => (problem === 'quadratic' ? quadraticWarnings(H) : []), [problem, H]);
  return (
    <fieldset>
      <legend>Problem</legend>
      <ChoiceField label="problem" testId="problem-select" value={problem} options={PROBLEM_OPTIONS} onChange={setProblem} />
      {problemFields(problem).map((f) =>
        f.choices ? (
          <KeyChoice key={f.key} name={f.key} field={f} />
        ) : (
          <TextField key={f.key} name={f.key} label={f.label} multiline={f.multiline} hint={f.hint === 'components' ? `n = ${n} components` : undefined} />
        ),
      )}
      {hWarnings.length > 0 && (
        <p className="field-error field-warning" role="status" data-testid="field-H-warning">
          {hWarnings.join('; ')}
        </p>
      )}
    </fieldset>
  );
}

/** A key offered as a choice among its values; the choice goes through the parameter table like typed text. */
function KeyChoice({ name, field }: { name: ProblemKeyName; field: FieldSpec }) {
  const spec: ParamSpec<ParamValue> = PARAMS[name];
  const value = useExplorer((s) => spec.format(s.config[name]));
  const setField = useExplorer((s) => s.setField);
  return <ChoiceField label={field.label} testId={`field-${name}`} value={value} options={field.choices ?? []} onChange={(v) => setField(name, v)} />;
}
