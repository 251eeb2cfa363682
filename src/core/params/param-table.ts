import { boxParam, formulaParam, pinParam } from '../formula/formula-params';
import type { ProblemKind } from '../problems/problem';
import { parseHessianList } from '../problems/quadratic';
import { boolParam, enumParam, intParam, numberListParam, numberParam, show, subsetParam, type ParamSpec, type ParamValue } from './param-types';

export const PROBLEMS = ['toy', 'quadratic', 'point', 'random', 'circle', 'styblinski', 'custom', 'features', 'dln'] as const satisfies readonly ProblemKind[];
export type BuiltinProblem = (typeof PROBLEMS)[number];

/** The version of the key set; a later version can translate older links. */
export const PARAM_VERSION = 1;

const hessianParam: ParamSpec<string> = {
  key: 'H',
  doc: "quadratic: each component's upper triangle row by row, comma-separated; components separated by ';' (H=0.2;3.8 is 1D, H=8,-2,6;1,2,4 two 2×2)",
  problems: ['quadratic'],
  default: '0.2;3.8',
  parse(raw) {
    const r = parseHessianList(raw);
    if ('error' in r) return { ok: false, reason: `H ${r.error}, got ${show(raw)}` };
    return { ok: true, value: raw.trim() };
  },
  format: (v) => v,
};

const optParam: ParamSpec<string[]> = {
  key: 'opt',
  doc: 'which optimisers run: gd, sgd or gd,sgd',
  default: ['gd', 'sgd'],
  parse(raw) {
    const parts = raw.split(',').map((s) => s.trim());
    if (parts.length === 0 || parts.length > 2 || parts.some((p) => p !== 'gd' && p !== 'sgd') || new Set(parts).size !== parts.length)
      return { ok: false, reason: `opt must be gd, sgd or gd,sgd, got ${show(raw)}` };
    return { ok: true, value: ['gd', 'sgd'].filter((o) => parts.includes(o)) };
  },
  format: (v) => v.join(','),
};

export const HIDEABLE = ['header', 'controls', 'diagram', 'landscape', 'burst', 'distance', 'stats', 'theory'] as const;
type Hideable = (typeof HIDEABLE)[number];

export const TABS = ['live', 'phase', 'selection', 'wws'] as const;
const enum_tab = enumParam('tab', 'view: which workspace is shown — live (diagram and runs), phase (escape phase diagram), selection (which minimum SGD selects, minima atlas), wws (Wu–Wang–Su alignment and Frobenius bound)', TABS, { default: 'live' });

/** Keys that change only how things are shown, never the numbers: changing them does not restart a run. */
/** (The phase and selection keys shape their own computations, not the live run: they are view keys for the live worker.) */
export const VIEW_KEYS = ['speed', 'lecture', 'family', 'axes', 'tab', 'hide', 'grid', 'cellruns', 'etamin', 'etamax', 'selruns', 'around', 'selradius'] as const;

const x0Param: ParamSpec<number[]> = numberListParam('x0', 'explicit start coordinates, comma-separated (overrides start and radius)', {
  min: -1e6,
  max: 1e6,
  minLength: 1,
  maxLength: 100,
  default: [],
});

/**
 * The one declarative table of a configuration: every key of the permalink and
 * of `npm run sim`, its type, range and default. Encoding, decoding and
 * validation are all driven from here (src/core/params/query.ts).
 */
export const PARAMS = {
  v: intParam('v', 'version of the link format', { min: 1, max: PARAM_VERSION, default: PARAM_VERSION, always: true }),
  problem: enumParam('problem', 'the problem: toy, quadratic, point, random, circle, styblinski, custom, features, dln', PROBLEMS, { default: 'toy', always: true }),
  eta: numberParam('eta', 'learning rate η > 0', { min: 0, minExclusive: true, max: 1e15, default: 0.7, always: true }),
  B: intParam('B', 'batch size, 1..n (B = n without replacement is GD)', { min: 1, max: 1_000_000, default: 1, always: true }),
  sampling: enumParam('sampling', 'without (Wu, uniform batches of distinct indices) or with replacement (Patel SGD-k)', ['without', 'with'] as const, { default: 'without' }),
  opt: optParam,
  seed: intParam('seed', 'random seed of the runs (0..4294967295)', { min: 0, max: 4294967295, default: 1, always: true }),
  runs: intParam('runs', 'number of SGD runs in the ensemble (GD runs once)', { min: 1, max: 5000, default: 100 }),
  steps: intParam('steps', 'steps per run', { min: 1, max: 10_000_000, default: 200 }),
  start: intParam('start', "index of the start minimum in the problem's list", { min: 0, max: 100_000, default: (p) => (p === 'toy' ? 1 : p === 'circle' ? 1 : 0) }),
  x0: x0Param,
  radius: numberParam('radius', 'ε: starts are uniform in the ball of this radius around the start minimum', { min: 0, max: 1e6, default: 1e-3 }),
  escape: numberParam('escape', 'R: a run has escaped at the first step with ‖x − x*‖ > R', { min: 0, minExclusive: true, max: 1e12, default: (p) => (p === 'toy' ? 0.5 : 1) }),
  hist: intParam('hist', 'points kept in each run\'s decimated history', { min: 0, max: 4096, default: 128 }),
  b: numberListParam('b', 'toy: the bᵢ of fᵢ = min{x², bᵢ(x−1)²}, comma-separated', { min: 0, minExclusive: true, max: 1e6, minLength: 1, maxLength: 1000, default: [0.1, 1.9], problems: ['toy'] }),
  H: hessianParam,
  a: numberParam('a', 'point: sharpness a ≥ 0', { min: 0, max: 1e9, default: 2, problems: ['point'] }),
  s: numberParam('s', 'point: non-uniformity s ≥ 0', { min: 0, max: 1e9, default: 1.8, problems: ['point'] }),
  n: intParam('n', 'point, random, styblinski: number of components; features, dln: number of samples (≤ 200)', {
    min: 1,
    max: 5000,
    default: (p) => ({ point: 2, random: 20, features: 40, dln: 20 } as Partial<Record<ProblemKind, number>>)[p] ?? 200,
    problems: ['point', 'random', 'styblinski', 'features', 'dln'],
  }),
  width: intParam('width', 'features: number of random features p (≤ 1000); dln: input dimension k, 2k parameters (≤ 500)', {
    min: 1,
    max: 1000,
    default: (p) => (p === 'features' ? 200 : 40),
    problems: ['features', 'dln'],
  }),
  noise: enumParam('noise', "features, dln: sgd (SGD's own noise), or GD plus Gaussian noise of the same total variance, isotropic or aligned with H (Wu–Wang–Su §3.3)", ['sgd', 'isotropic', 'aligned'] as const, {
    default: 'sgd',
    problems: ['features', 'dln'],
  }),
  d: intParam('d', 'random (≤ 30), styblinski (≤ 100): dimension', { min: 1, max: 100, default: (p) => (p === 'random' ? 2 : 10), problems: ['random', 'styblinski'] }),
  model: intParam('model', 'circle: Patel model 1–4 (sharp/flat circle × sharp/flat quad)', { min: 1, max: 4, default: 1, problems: ['circle'] }),
  f: formulaParam,
  p: numberListParam('p', 'custom: weights pᵢ > 0, one per formula, comma-separated (normalised to sum 1; absent: uniform)', { min: 0, minExclusive: true, max: 1e6, minLength: 1, maxLength: 100, default: [], problems: ['custom'] }),
  box: boxParam,
  pin: pinParam,
  pseed: intParam('pseed', 'random, styblinski, features, dln: seed of the drawn problem', { min: 0, max: 4294967295, default: 1, problems: ['random', 'styblinski', 'features', 'dln'] }),
  switchloss: numberParam('switchloss', "features, dln: Wu–Wang–Su Fig. 4 protocol — GD with η until the loss is below this, then SGD with the same η from GD's point (0: off)", {
    min: 0,
    max: 1e6,
    default: 0,
    problems: ['features', 'dln'],
  }),
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
  speed: numberParam('speed', 'view: steps per second of the live run; 0 is as fast as the engine goes (does not change the numbers)', { min: 0, max: 1e9, default: 0 }),
  lecture: boolParam('lecture', 'view: lecture mode (large type, thick strokes, high contrast)', false),
  family: enumParam('family', 'view: Wu Fig. 3 family of rectangles: none, batch (several B at this η) or eta (several η at this B)', ['none', 'batch', 'eta'] as const, { default: 'none' }),
  axes: enumParam('axes', 'view: scale of the diagram axes, linear or log', ['linear', 'log'] as const, { default: 'linear' }),
  tab: enum_tab,
  hide: subsetParam('hide', 'view: panels to hide, any of header, controls, diagram, landscape, burst, distance, stats, theory', HIDEABLE),
} satisfies Record<string, ParamSpec<ParamValue>>;

/** Panels a link can hide (TF Playground's hide flags). */
export type { Hideable };

export type ParamKey = keyof typeof PARAMS;
type ValueOf<S> = S extends ParamSpec<infer T> ? T : never;
export type Config = { [K in ParamKey]: ValueOf<(typeof PARAMS)[K]> } & { problem: BuiltinProblem; sampling: 'without' | 'with'; opt: Array<'gd' | 'sgd'>; noise: 'sgd' | 'isotropic' | 'aligned'; stop: 'steps' | 'settled'; family: 'none' | 'batch' | 'eta'; axes: 'linear' | 'log'; hide: Hideable[]; tab: (typeof TABS)[number] };
