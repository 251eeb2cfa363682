import type { ParamIssue } from '../params/query';
import type { Problem } from './problem';
import type { NumericProblemKey, ProblemKeyName, ProblemKeyValue } from './problem-keys';

/** How a problem key shows in the controls. */
export interface FieldSpec {
  label: string;
  /** A wide box or a textarea (Hessians, formulas). */
  multiline?: boolean;
  /** Print "n = … components" under the box. */
  hint?: 'components';
  /** A choice among the key's values instead of a text box. */
  choices?: ReadonlyArray<{ value: string; label: string }>;
}

/** Per-problem defaults of run keys (ProblemDef.defaults). */
export interface RunDefaults {
  eta?: number;
  B?: number;
  steps?: number;
  runs?: number;
}

/** A problem's use of one permalink key. */
export interface KeyUse<V> {
  /** The key's default for this problem. */
  default: V;
  /** What the key means for this problem; the table's doc line groups problems that say the same. */
  doc: string;
  /** A tighter limit than the table's for this problem: a larger value is reduced to it with a message. */
  max?: V extends number ? number : never;
  /** Absent: the key has no control (it is set by the link or another view). */
  field?: FieldSpec;
}

/**
 * What the page can do with a problem beyond its live runs. The views ask the
 * registry (`problemCan`), never a problem's kind by name, so a new problem
 * that declares a capability gets the view that needs it.
 */
export interface ProblemCapabilities {
  /** A square-loss model Lᵢ = ½ (f(xᵢ; θ) − yᵢ)²: the Wu–Wang–Su tab applies (Wu–Wang–Su eq. 3, Definition 2.1, Theorem 3.3). */
  wws?: true;
  /** Its one minimum is (a, s) set by hand: the diagram draws it as a draggable point instead of listing the theory's minima. */
  handPlaced?: true;
}

/** The typed options a problem is built from: the values of the keys it declares. */
export type ProblemOptions<K extends ProblemKeyName> = { [P in K]: ProblemKeyValue<P> };

export interface BuildContext {
  /** ε, the start radius (the circle problem averages its flat minimum's Hessians over it). */
  radius: number;
  /** Repairs of the options (refused formulas, mismatched lengths …), each naming its key. */
  issues: ParamIssue[];
}

/**
 * Everything the rest of the code knows about one problem. The registry lists
 * these; the kind union, the `problem` key, the per-problem defaults, building,
 * the component count and the controls' fields are all derived from it.
 */
export interface ProblemDef<Kind extends string, K extends ProblemKeyName> {
  kind: Kind;
  /** Its name in the problem menu. */
  label: string;
  /** One line for the README's problem table. */
  about: string;
  /** The minima it lists, for the README's problem table. */
  minima: string;
  /** What the page can do with it (none if absent). */
  can?: ProblemCapabilities;
  /** Index of the default start minimum (0 if absent). */
  start?: number;
  /** Default escape radius R (1 if absent). */
  escape?: number;
  /** Its own defaults of η, B, steps and runs where the table's (0.7, 1, 200, 100) do not suit it (a network trains for thousands of steps at a smaller η). */
  defaults?: RunDefaults;
  /** The permalink keys it reads, in the order its controls show them. */
  keys: { [P in K]: KeyUse<ProblemKeyValue<P>> };
  /** Build it from its options, which it may repair (reporting each repair in context.issues). */
  build(options: ProblemOptions<K>, context: BuildContext): Problem;
  /** Its number of components n without building it (the page needs n on every slider move). */
  count(options: ProblemOptions<K>): number;
  /** Work that must finish before build can run synchronously (loading a compiler). */
  prepare?(): Promise<void>;
}

/**
 * A problem as the registry holds it, whatever keys it reads. A ProblemDef of any
 * keys is one: its build reads fewer options than it is given.
 */
export interface RegisteredProblem {
  kind: string;
  label: string;
  about: string;
  minima: string;
  can?: ProblemCapabilities;
  start?: number;
  escape?: number;
  defaults?: RunDefaults;
  keys: { [P in ProblemKeyName]?: KeyUse<ProblemKeyValue<P>> };
  build(options: ProblemOptions<ProblemKeyName>, context: BuildContext): Problem;
  count(options: ProblemOptions<ProblemKeyName>): number;
  prepare?(): Promise<void>;
}

/** Declares a problem; the key names and the options' types are checked against the keys it lists. */
export function defineProblem<const Kind extends string, K extends ProblemKeyName>(def: ProblemDef<Kind, K>): ProblemDef<Kind, K> {
  return def;
}

export type { NumericProblemKey };
