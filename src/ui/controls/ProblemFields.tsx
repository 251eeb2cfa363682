import type { Config } from '../../core/params/param-table';
import { componentCount } from '../../core/problems/component-count';
import { useExplorer } from '../state/store';
import { ChoiceField } from './ChoiceField';
import { TextField } from './TextField';

export const PROBLEM_LABELS: Record<Config['problem'], string> = {
  toy: 'Wu’s two-minima toy (1D)',
  quadratic: 'quadratic sum',
  point: 'hand-placed minimum (a, s, n)',
  random: 'random quadratic sum',
  circle: 'Patel’s quadratic-circle sum',
  styblinski: 'Styblinski–Tang sum',
  custom: 'custom formulas',
  features: 'random-features model (Wu–Wang–Su)',
  dln: 'diagonal linear network (Wu–Wang–Su)',
};

/** The problem and the keys that apply to it. */
export function ProblemFields() {
  const problem = useExplorer((s) => s.config.problem);
  const n = useExplorer((s) => componentCount(s.config));
  const setProblem = useExplorer((s) => s.setProblem);
  const noise = useExplorer((s) => s.config.noise);
  const setConfig = useExplorer((s) => s.setConfig);
  return (
    <fieldset>
      <legend>Problem</legend>
      <ChoiceField
        label="problem"
        testId="problem-select"
        value={problem}
        options={Object.entries(PROBLEM_LABELS).map(([value, label]) => ({ value: value as Config['problem'], label }))}
        onChange={setProblem}
      />
      {problem === 'toy' && <TextField name="b" label="bᵢ of fᵢ = min{x², bᵢ(x−1)²}" hint={`n = ${n} components`} />}
      {problem === 'quadratic' && <TextField name="H" label="Hᵢ (upper triangles; ‘;’ between components)" multiline hint={`n = ${n} components`} />}
      {problem === 'point' && (
        <>
          <TextField name="a" label="sharpness a" />
          <TextField name="s" label="non-uniformity s" />
        </>
      )}
      {(problem === 'point' || problem === 'random' || problem === 'styblinski' || problem === 'features' || problem === 'dln') && (
        <TextField name="n" label={problem === 'features' || problem === 'dln' ? 'samples n' : 'components n'} />
      )}
      {(problem === 'random' || problem === 'styblinski') && <TextField name="d" label="dimension d" />}
      {problem === 'circle' && <TextField name="model" label="Patel model (1–4)" hint={`n = ${n} components`} />}
      {problem === 'custom' && (
        <>
          <TextField name="f" label="fᵢ(x) or fᵢ(x, y), one per line or ‘;’ (Ctrl+Enter)" multiline hint={`n = ${n} components`} />
          <TextField name="box" label="domain box (lo,hi or xlo,xhi,ylo,yhi)" />
          <TextField name="pin" label="pinned minima" />
        </>
      )}
      {(problem === 'features' || problem === 'dln') && (
        <>
          <TextField name="width" label={problem === 'features' ? 'features p' : 'input dimension k'} />
          <ChoiceField
            label="SGD noise"
            value={noise}
            options={[
              { value: 'sgd', label: 'SGD’s own noise' },
              { value: 'isotropic', label: 'isotropic Gaussian (same variance)' },
              { value: 'aligned', label: 'aligned Gaussian S = 2L·H' },
            ]}
            onChange={(v) => setConfig({ noise: v })}
          />
        </>
      )}
      {(problem === 'random' || problem === 'styblinski' || problem === 'features' || problem === 'dln') && <TextField name="pseed" label="problem seed" />}
    </fieldset>
  );
}
