import { boxParam, formulaParam, pinParam } from '../formula/formula-params';
import { enumParam, intParam, numberListParam, numberParam, show, type ParamSpec } from '../params/param-types';
import { ACTIVATIONS } from '../network/mlp';
import { DATA_SETS } from './mlp-data';
import { parseHessianList } from './quadratic';

const hessianParam: ParamSpec<string> = {
  key: 'H',
  doc: '',
  default: '0.2;3.8',
  parse(raw) {
    const r = parseHessianList(raw);
    if ('error' in r) return { ok: false, reason: `H ${r.error}, got ${show(raw)}` };
    return { ok: true, value: raw.trim() };
  },
  format: (v) => v,
};

/**
 * The permalink keys that belong to problems: how each is parsed and printed, and
 * the widest range any problem accepts. Which problems use a key, its doc line and
 * its default per problem come from the problems' own declarations
 * (src/core/problems/registry.ts); the parameter table joins the two. The defaults
 * here are what a configuration carries for a problem that does not use the key.
 * The order here is the keys' order in a link.
 */
export const PROBLEM_KEYS = {
  b: numberListParam('b', '', { min: 0, minExclusive: true, max: 1e6, minLength: 1, maxLength: 1000, default: [0.1, 1.9] }),
  H: hessianParam,
  a: numberParam('a', '', { min: 0, max: 1e9, default: 2 }),
  s: numberParam('s', '', { min: 0, max: 1e9, default: 1.8 }),
  n: intParam('n', '', { min: 1, max: 5000, default: 200 }),
  width: intParam('width', '', { min: 1, max: 1000, default: 40 }),
  noise: enumParam('noise', '', ['sgd', 'isotropic', 'aligned'], { default: 'sgd' }),
  d: intParam('d', '', { min: 1, max: 100, default: 10 }),
  model: intParam('model', '', { min: 1, max: 4, default: 1 }),
  f: formulaParam,
  p: numberListParam('p', '', { min: 0, minExclusive: true, max: 1e6, minLength: 1, maxLength: 100, default: [] }),
  box: boxParam,
  pin: pinParam,
  pseed: intParam('pseed', '', { min: 0, max: 4294967295, default: 1 }),
  switchloss: numberParam('switchloss', '', { min: 0, max: 1e6, default: 0 }),
  depth: intParam('depth', '', { min: 1, max: 4, default: 1 }),
  activation: enumParam('activation', '', ACTIVATIONS, { default: 'tanh' }),
  init: numberParam('init', '', { min: 0, minExclusive: true, max: 10, default: 1 }),
  data: enumParam('data', '', DATA_SETS, { default: 'digits' }),
};

export type ProblemKeyName = keyof typeof PROBLEM_KEYS;
type ValueOf<S> = S extends ParamSpec<infer T> ? T : never;
/** The value type of a problem key, e.g. number[] for b, 'sgd' | 'isotropic' | 'aligned' for noise. */
export type ProblemKeyValue<K extends ProblemKeyName> = ValueOf<(typeof PROBLEM_KEYS)[K]>;
/** The keys whose values are numbers: the ones a problem may limit further (KeyUse.max). */
export type NumericProblemKey = { [K in ProblemKeyName]: ProblemKeyValue<K> extends number ? K : never }[ProblemKeyName];

/** PROBLEM_KEYS typed key by key: PROBLEM_KEY_SPECS[k] parses and prints exactly ProblemKeyValue<k>. */
export const PROBLEM_KEY_SPECS: { [K in ProblemKeyName]: ParamSpec<ProblemKeyValue<K>> } = PROBLEM_KEYS;
