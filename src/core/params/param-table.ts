import { PROBLEM_KEY_SPECS, PROBLEM_KEYS, type ProblemKeyName, type ProblemKeyValue } from '../problems/problem-keys';
import { PROBLEM_KINDS, problemDef, problemsUsing, type ProblemKind } from '../problems/registry';
import { compareParam, type CompareSpecs } from './compare-param';
import { defaultFor, enumParam, intParam, numberListParam, numberParam, show, type ParamSpec, type ParamValue } from './param-types';

/** The problems, in menu order (from the registry). */
export const PROBLEMS = PROBLEM_KINDS;
export type BuiltinProblem = ProblemKind;

/** The version of the key set; a later version can translate older links. */
export const PARAM_VERSION = 3;

const OPTIMISERS = ['gd', 'sgd'] as const;
const optParam: ParamSpec<Array<(typeof OPTIMISERS)[number]>> = {
  key: 'opt',
  doc: 'which optimisers run: gd, sgd or gd,sgd',
  default: ['gd', 'sgd'],
  parse(raw) {
    const parts = raw.split(',').map((s) => s.trim());
    if (parts.length === 0 || parts.length > 2 || parts.some((p) => p !== 'gd' && p !== 'sgd') || new Set(parts).size !== parts.length)
      return { ok: false, reason: `opt must be gd, sgd or gd,sgd, got ${show(raw)}` };
    return { ok: true, value: OPTIMISERS.filter((o) => parts.includes(o)) };
  },
  format: (v) => v.join(','),
};

/**
 * Keys of the computations beside the live run (the phase diagram's grid, the
 * selection experiment): they shape those numbers, not the live run's, so a
 * change of them does not restart it.
 */
export const OTHER_WORK_KEYS = ['grid', 'cellruns', 'etamin', 'etamax', 'selruns', 'around', 'selradius'] as const;

const x0Param: ParamSpec<number[]> = numberListParam('x0', 'explicit start coordinates, comma-separated (overrides start and radius)', {
  min: -1e6,
  max: 1e6,
  minLength: 1,
  maxLength: 100,
  default: [],
});

/**
 * A problem key's row: how it parses (problem-keys.ts) joined with what the
 * problems that read it declare — which problems, the doc line (problems that
 * say the same are grouped: "point, random: number of components; …") and the
 * default per problem (one value when they agree).
 */
function problemKeyParam<K extends ProblemKeyName>(key: K): ParamSpec<ProblemKeyValue<K>> {
  const base = PROBLEM_KEY_SPECS[key];
  const kinds = problemsUsing(key);
  const useOf = (p: ProblemKind) => problemDef(p).keys[key];
  const groups = new Map<string, ProblemKind[]>();
  for (const p of kinds) {
    const doc = useOf(p)?.doc ?? '';
    groups.set(doc, [...(groups.get(doc) ?? []), p]);
  }
  const doc = [...groups].map(([line, ps]) => `${ps.join(', ')}: ${line}`).join('; ');
  const defaults = new Set(kinds.map((p) => base.format(defaultOf(p))));
  function defaultOf(p: ProblemKind): ProblemKeyValue<K> {
    const use = useOf(p);
    return use ? use.default : defaultFor(base, p);
  }
  const one = kinds.length > 0 && defaults.size === 1 ? defaultOf(kinds[0]) : null;
  return { ...base, doc, problems: kinds, default: one ?? defaultOf };
}

/** The rows of every problem key, in PROBLEM_KEYS's order (their order in a link). */
function problemKeyParams(): { [K in ProblemKeyName]: ParamSpec<ProblemKeyValue<K>> } {
  const keys = Object.keys(PROBLEM_KEYS) as ProblemKeyName[];
  return Object.fromEntries(keys.map((k) => [k, problemKeyParam(k)])) as { [K in ProblemKeyName]: ParamSpec<ProblemKeyValue<K>> };
}

/**
 * The run specification: every key that shapes a number — the live run's, the
 * phase diagram's, the selection experiment's — with its type, range and default;
 * what `npm run sim` reads. Encoding, decoding and validation are driven from
 * here (src/core/params/query.ts). The page's own view keys (tab, lecture, hide,
 * t …) are a table of the page's beside it (src/ui/state/link-params.ts); a link
 * is the two encoded side by side.
 */
export const PARAMS = {
  v: intParam('v', 'version of the link format: 3 scales the artificial noise (noise=isotropic|aligned) by the batch factor c; 2 (older links) by 1/B, and draws the runs from xoshiro128** streams as 3 does; 1 (older links) from mulberry32, reproducing their numbers', { min: 1, max: PARAM_VERSION, default: PARAM_VERSION, always: true }),
  problem: enumParam('problem', `the problem: ${PROBLEM_KINDS.join(', ')}`, PROBLEM_KINDS, { default: 'toy', always: true }),
  eta: numberParam('eta', 'learning rate η > 0', { min: 0, minExclusive: true, max: 1e15, default: (p) => problemDef(p).defaults?.eta ?? 0.7, always: true }),
  B: intParam('B', 'batch size, 1..n (B = n without replacement is GD)', { min: 1, max: 1_000_000, default: (p) => problemDef(p).defaults?.B ?? 1, always: true }),
  sampling: enumParam('sampling', 'without (Wu, uniform batches of distinct indices) or with replacement (Patel SGD-k)', ['without', 'with'] as const, { default: 'without' }),
  opt: optParam,
  seed: intParam('seed', 'random seed of the runs (0..4294967295)', { min: 0, max: 4294967295, default: 1, always: true }),
  runs: intParam('runs', 'number of SGD runs in the ensemble (GD runs once)', { min: 1, max: 5000, default: (p) => problemDef(p).defaults?.runs ?? 100 }),
  steps: intParam('steps', 'steps per run', { min: 1, max: 10_000_000, default: (p) => problemDef(p).defaults?.steps ?? 200 }),
  start: intParam('start', "index of the start minimum in the problem's list", { min: 0, max: 100_000, default: (p) => problemDef(p).start ?? 0 }),
  x0: x0Param,
  radius: numberParam('radius', 'ε: starts are uniform in the ball of this radius around the start minimum', { min: 0, max: 1e6, default: 1e-3 }),
  escape: numberParam('escape', 'R: a run has escaped at the first step with ‖x − x*‖ > R', { min: 0, minExclusive: true, max: 1e12, default: (p) => problemDef(p).escape ?? 1 }),
  hist: intParam('hist', 'points kept in each run\'s decimated history', { min: 0, max: 4096, default: 128 }),
  compare: compareParam(() => compareSpecs()),
  ...problemKeyParams(),
  grid: intParam('grid', 'phase diagram: cells per axis (η log-spaced × B)', { min: 2, max: 80, default: 40 }),
  cellruns: intParam('cellruns', 'phase diagram: SGD runs per cell (each runs `steps` steps)', { min: 1, max: 1000, default: 100 }),
  etamin: numberParam('etamin', 'phase diagram: smallest η of the grid', { min: 0, minExclusive: true, max: 1e6, default: 0.01 }),
  etamax: numberParam('etamax', 'phase diagram: largest η of the grid', { min: 0, minExclusive: true, max: 1e6, default: 10 }),
  selruns: intParam('selruns', 'selection experiment: SGD runs K (GD runs as many from the same starts)', { min: 1, max: 2000, default: 100 }),
  around: numberListParam('around', 'selection experiment: starts in the ball of radius selradius around this point (absent: uniform in the domain)', {
    min: -1e6,
    max: 1e6,
    minLength: 1,
    maxLength: 100,
    default: [],
  }),
  selradius: numberParam('selradius', 'selection experiment: radius of the start ball around `around`', { min: 0, max: 1e6, default: 1 }),
  stop: enumParam('stop', 'when a run stops: steps (after `steps`) or settled (as soon as every run has escaped, diverged or converged)', ['steps', 'settled'] as const, { default: 'steps' }),
} satisfies Record<string, ParamSpec<ParamValue>>;

export type ParamKey = keyof typeof PARAMS;
type ValueOf<S> = S extends ParamSpec<infer T> ? T : never;
export type Config = { [K in ParamKey]: ValueOf<(typeof PARAMS)[K]> };

/** The table typed key by key: PARAM_SPECS[k] parses and prints exactly Config[k]. */
export const PARAM_SPECS: { [K in ParamKey]: ParamSpec<Config[K]> } = PARAMS;

/** The rows the `compare` key checks its overrides with. */
function compareSpecs(): CompareSpecs {
  const { eta, B, sampling, seed, runs, steps, noise, opt } = PARAMS;
  return { eta, B, sampling, seed, runs, steps, noise, opt };
}
