import { circleProblem } from './circle';
import { customProblem } from './custom';
import { diagonalNetworkProblem } from './diagonal-network';
import { mlpProblem } from './mlp';
import { pointProblemDef } from './point';
import type { FieldSpec, ProblemCapabilities, RegisteredProblem } from './problem-def';
import type { ProblemKeyName } from './problem-keys';
import { quadraticProblem } from './quadratic';
import { randomFeaturesProblem } from './random-features';
import { randomQuadraticProblem } from './random-quadratic';
import { styblinskiProblem } from './styblinski';
import { toyProblem } from './toy';

/**
 * Every problem, in menu order. To add one: write its file (see defineProblem in
 * problem-def.ts), import it here and list it. The kind union, the `problem` key,
 * the per-problem defaults, building, the component count and the controls'
 * fields all follow from this list.
 */
export const PROBLEM_DEFS = [
  toyProblem,
  quadraticProblem,
  pointProblemDef,
  randomQuadraticProblem,
  circleProblem,
  styblinskiProblem,
  customProblem,
  randomFeaturesProblem,
  diagonalNetworkProblem,
  mlpProblem,
] as const satisfies readonly RegisteredProblem[];

export type ProblemKind = (typeof PROBLEM_DEFS)[number]['kind'];

export const PROBLEM_KINDS: ProblemKind[] = PROBLEM_DEFS.map((d) => d.kind);

const BY_KIND = new Map<string, RegisteredProblem>(PROBLEM_DEFS.map((d) => [d.kind, d]));

/** The registered problem of a kind. */
export function problemDef(kind: ProblemKind): RegisteredProblem {
  const def = BY_KIND.get(kind);
  if (!def) throw new Error(`no problem ${kind} in the registry`);
  return def;
}

/** Whether a problem declares a capability (problem-def.ts, ProblemCapabilities). */
export function problemCan(kind: ProblemKind, capability: keyof ProblemCapabilities): boolean {
  return problemDef(kind).can?.[capability] === true;
}

/** The kinds that read a key, in registry order. */
export function problemsUsing(key: ProblemKeyName): ProblemKind[] {
  return PROBLEM_KINDS.filter((k) => problemDef(k).keys[key] !== undefined);
}

/** The controls a problem shows, in order: its keys that have a field. */
export function problemFields(kind: ProblemKind): Array<FieldSpec & { key: ProblemKeyName }> {
  const keys = problemDef(kind).keys;
  const out: Array<FieldSpec & { key: ProblemKeyName }> = [];
  for (const key of Object.keys(keys) as ProblemKeyName[]) {
    const field = keys[key]?.field;
    if (field) out.push({ key, ...field });
  }
  return out;
}
