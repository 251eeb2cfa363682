import { batchFactor } from '../batch-factor';
import { decodeQuery } from '../params/query';
import { simulateConfig } from '../simulate';
import type { RunEnd } from './trained-minima';

/**
 * Wu–Ma–E's §5 measurements as sweeps over a network link, each model one run of
 * that link with some keys changed (so each row is `npm run sim` of its permalink):
 *   table2: GD at several η — its sharpness a against 2/η (Table 2);
 *   fig5:   SGD at one η over B — its non-uniformity s against √B/η and the exact top 1/(η√c) (Fig. 5);
 *   fig6:   GD and SGD over B × the initialisation scale v — every (a, s) with each B's rectangle top (Fig. 6).
 */
export const SWEEPS = ['table2', 'fig5', 'fig6'] as const;
export type SweepKind = (typeof SWEEPS)[number];

export interface SweepModel {
  overrides: Record<string, string>;
  permalink: string;
  eta: number;
  B: number;
  init: number;
  /** 2/η and the rectangle's top 1/(η√c) at this model's B (Wu eq. 9), and √B/η (the paper's Fig. 5 line, c ≈ 1/B). */
  twoOverEta: number;
  rectangleTop: number | null;
  sqrtBOverEta: number;
  /** Each run's end, without θ (npm run sim of the permalink prints it), and without the alignment unless asked (sweepModel). */
  ends: Array<Omit<RunEnd, 'theta'>>;
}

export interface SweepOutput {
  sweep: SweepKind;
  base: string;
  models: SweepModel[];
}

/** The default values swept, chosen for the default network (η = 0.2 trains it; B up to n = 50). */
export const SWEEP_DEFAULTS: Record<SweepKind, { keys: string[]; values: string[][] }> = {
  table2: { keys: ['eta'], values: [['0.05', '0.1', '0.2', '0.3', '0.4']] },
  fig5: { keys: ['B'], values: [['1', '2', '5', '10', '25', '50']] },
  fig6: { keys: ['B', 'init'], values: [['2', '5', '10', '15', '20', '25', '35', '50'], ['0.5', '1', '1.5']] },
};

/** What each sweep fixes besides the swept keys: GD alone for Table 2, one SGD run per model for Fig. 5, one GD and one SGD run for Fig. 6. */
const FIXED: Record<SweepKind, Record<string, string>> = {
  table2: { opt: 'gd' },
  fig5: { opt: 'sgd', runs: '1' },
  fig6: { opt: 'gd,sgd', runs: '1' },
};

/** The models of a sweep: every combination of the swept values, the last key fastest. */
export function sweepVariants(kind: SweepKind, values: string[][] = SWEEP_DEFAULTS[kind].values): Array<Record<string, string>> {
  const keys = SWEEP_DEFAULTS[kind].keys;
  let out: Array<Record<string, string>> = [{ ...FIXED[kind] }];
  keys.forEach((key, k) => {
    out = out.flatMap((o) => values[k].map((v) => ({ ...o, [key]: v })));
  });
  return out;
}

/**
 * What a sweep measures besides a and s. `alignment` (default false): Wu–Wang–Su's ‖G‖_F, μ and μ₀ at each
 * trained end. They took about a fifth of a small Fig. 6 sweep without μ₀ and a third with it
 * (README "Performance"), and no sweep view shows them, so the page's sweeps never ask and `npm run sim`
 * asks with `--alignment`; either way each model is `npm run sim` of its permalink but for that field.
 */
export interface SweepOptions {
  alignment?: boolean;
}

/** Run one model of a sweep: the base link with the overrides in place of its own values of those keys. */
export function sweepModel(base: string, overrides: Record<string, string>, options: SweepOptions = {}): SweepModel {
  const kept = (base.startsWith('?') ? base.slice(1) : base).split('&').filter((piece) => piece !== '' && !(piece.split('=')[0] in overrides));
  const query = [...kept, ...Object.entries(overrides).map(([k, v]) => `${k}=${v}`)].join('&');
  const decoded = decodeQuery(query);
  const bad = decoded.issues.filter((i) => i.key in overrides || i.key === 'problem');
  if (bad.length > 0) throw new Error(`sweep model ${JSON.stringify(overrides)}: ${bad.map((i) => i.message).join('; ')}`);
  if (decoded.config.problem !== 'mlp') throw new Error(`a sweep needs problem=mlp, got problem=${decoded.config.problem}`);
  const out = simulateConfig(decoded.config, {}, { alignment: options.alignment ?? false });
  const { eta, B, sampling, init } = out.config;
  const c = batchFactor(out.problem.n, B, sampling);
  return {
    overrides,
    permalink: out.permalink,
    eta,
    B,
    init,
    twoOverEta: 2 / eta,
    rectangleTop: c > 0 ? 1 / (eta * Math.sqrt(c)) : null,
    sqrtBOverEta: Math.sqrt(B) / eta,
    ends: out.network!.ends.map(({ theta: _theta, ...rest }) => rest),
  };
}

/** A whole sweep, model by model (`onModel` hears of each as it finishes: partial results). */
export function runSweep(kind: SweepKind, base: string, values?: string[][], onModel?: (m: SweepModel, k: number, total: number) => void, options: SweepOptions = {}): SweepOutput {
  const variants = sweepVariants(kind, values);
  const models = variants.map((v, k) => {
    const m = sweepModel(base, v, options);
    onModel?.(m, k, variants.length);
    return m;
  });
  return { sweep: kind, base, models };
}
