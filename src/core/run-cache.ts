import { sampleLandscape, type LandscapeSample } from './landscape';
import { PARAM_SPECS, type Config, type ParamKey } from './params/param-table';
import { buildBare, RUN_KEYS_OF_PROBLEMS, type BuiltProblem } from './problems/build-problem';
import type { ProblemKeyName } from './problems/problem-keys';
import { problemDef } from './problems/registry';
import { theoryOfMinima } from './simulate';
import type { MinimumTheory } from './theory/analyse-minimum';

/**
 * What a problem is built from: its kind, the link version, ε (the circle averages
 * its flat minimum's Hessians over the start ball) and the problem keys it declares,
 * less the ones that shape only the runs. Two configurations with the same identity
 * build the same problem, so a change of η, B, sampling, seed, runs, steps, noise,
 * opt, the start or the stop rule keeps it (the retune path, docs/architecture.md).
 */
export function problemIdentity(config: Config): string {
  const def = problemDef(config.problem);
  const parts = [`problem=${config.problem}`, `v=${config.v}`, `radius=${PARAM_SPECS.radius.format(config.radius)}`];
  for (const key of Object.keys(def.keys) as ProblemKeyName[]) {
    if (RUN_KEYS_OF_PROBLEMS.has(key)) continue;
    parts.push(`${key}=${formatKey(config, key)}`);
  }
  return parts.join('&');
}

function formatKey<K extends ParamKey>(config: Config, key: K): string {
  return PARAM_SPECS[key].format(config[key]);
}

/** The keys the theory of a minimum reads besides the problem (theoryOfMinima). */
function theoryKey(config: Config): string {
  return [config.eta, config.B, config.sampling, config.radius, config.escape, config.seed, config.v].join('|');
}

/** At most this many (η, B, …) theories are kept for the current problem: a drag's worth. */
const THEORIES_KEPT = 256;

/**
 * The last problem built, its landscape, and the theory of its minima per
 * (η, B, sampling, …), kept across starts. A problem is immutable once built, so
 * handing the same one to a new run changes no number: a retuned run is the run a
 * cold start would give, bit for bit (tests/core/run-cache.test.ts).
 */
export class RunCache {
  /** How many problems were built (a test counts them). */
  builds = 0;
  private key = '';
  private built: BuiltProblem | null = null;
  private landscape: LandscapeSample | null = null;
  private theories = new Map<string, MinimumTheory[]>();

  /** The problem of this configuration: the kept one when its identity is unchanged. */
  problemOf(config: Config): { built: BuiltProblem; key: string; kept: boolean } {
    const key = problemIdentity(config);
    if (this.built && key === this.key) return { built: this.built, key, kept: true };
    this.builds++;
    this.built = buildBare(config);
    this.key = key;
    this.landscape = null;
    this.theories.clear();
    return { built: this.built, key, kept: false };
  }

  /** The sampled landscape of the current problem (computed once per problem). */
  landscapeOf(built: BuiltProblem): LandscapeSample {
    if (built !== this.built) return sampleLandscape(built.problem);
    this.landscape ??= sampleLandscape(built.problem);
    return this.landscape;
  }

  /** The theory of the current problem's minima at this configuration's η, B, sampling … (computed once each). */
  theoryOf(built: BuiltProblem, config: Config): MinimumTheory[] {
    if (built !== this.built) return theoryOfMinima(built.problem, config);
    const k = theoryKey(config);
    const hit = this.theories.get(k);
    if (hit) return hit;
    const minima = theoryOfMinima(built.problem, config);
    if (this.theories.size >= THEORIES_KEPT) this.theories.delete(this.theories.keys().next().value as string);
    this.theories.set(k, minima);
    return minima;
  }
}
