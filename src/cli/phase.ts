/**
 * `npm run sim -- --phase '<query>'`: the phase grid the page's *Phase diagram*
 * tab shows for that link — the same grid (src/core/explore/phase-spec.ts), the
 * same cell function the page's workers call (phaseCell), so the same counts —
 * with the theory's boundaries beside it (the same function as the page's
 * lines, src/worker/selection-theory.ts).
 */
import { etaAt, phaseCell, type PhaseGridSpec } from '../core/explore/phase-grid';
import { phaseGridOf } from '../core/explore/phase-spec';
import type { Config } from '../core/params/param-table';
import { encodeQuery } from '../core/params/query';
import { LINK, runSpecOf } from '../ui/state/link-params';
import { buildProblem } from '../core/problems/build-problem';
import type { Problem } from '../core/problems/problem';
import { problemDef } from '../core/problems/registry';
import { phaseBoundaries } from '../worker/selection-theory';
import { CliError } from './cli-error';
import type { Job } from './job';

/**
 * A link decoded with nothing refused: every bad key or value is named, none is
 * repaired silently. Read with the page's whole table, so a link copied from the
 * page (tab=phase, lecture …) is taken as it is; the view keys change no number.
 */
export async function decodeStrict(query: string, what = 'the query'): Promise<Config> {
  const d = LINK.decode(query);
  const problems = [...d.issues.map((i) => i.message), ...d.unknown.map((k) => `unknown key ${JSON.stringify(k)}`)];
  if (problems.length > 0) throw new CliError(problems.map((m) => (what === 'the query' ? m : `${what}: ${m}`)).join('\n'));
  await problemDef(d.config.problem).prepare?.();
  return runSpecOf(d.config);
}

/** The problem of a phase grid; the B of the link plays no part in the grid, so B > n is not refused. */
function phaseProblem(config: Config, what: string): Problem {
  const { problem, issues } = buildProblem(config);
  const refused = issues.filter((i) => i.key !== 'B');
  if (refused.length > 0) throw new CliError(refused.map((i) => `${what}: ${i.message}`).join('\n'));
  if (problem.minima.length === 0) throw new CliError(`${what}: the phase grid starts at a listed minimum, and ${config.problem} lists none here`);
  return problem;
}

export interface PhaseCellOut {
  cell: number;
  eta: number;
  B: number;
  escaped: number;
}

export interface PhaseOutput {
  permalink: string;
  grid: PhaseGridSpec;
  /** The grid's η, column by column (log-spaced, etaAt). */
  etas: number[];
  /** Row-major: cell = bIndex·etaCount + etaIndex, as in the page. */
  cells: PhaseCellOut[];
  boundaries: ReturnType<typeof phaseBoundaries>;
}

/** The phase grid of a decoded link, as a job of cells. */
export function phaseJobOf(config: Config, what = 'the query'): Job {
  const problem = phaseProblem(config, what);
  const grid = phaseGridOf(config);
  const etas = Array.from({ length: grid.etaCount }, (_, i) => etaAt(grid, i));
  const total = grid.etaCount * grid.batches.length;
  return {
    name: { kind: 'phase', link: encodeQuery(config), sweep: null, each: null, units: total },
    unitLabel: 'cells',
    compute: (cell) => phaseCell(problem, grid, cell),
    assemble(values): PhaseOutput {
      return {
        permalink: encodeQuery(config),
        grid,
        etas,
        cells: values.map((v, cell) => ({ cell, eta: etas[cell % grid.etaCount], B: grid.batches[Math.floor(cell / grid.etaCount)], escaped: v as number })),
        boundaries: phaseBoundaries(problem, grid),
      };
    },
  };
}

export async function phaseJob(query: string): Promise<Job> {
  return phaseJobOf(await decodeStrict(query));
}
