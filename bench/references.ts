/**
 * What a user would use instead, measured in the same `npm run bench`:
 * - native: bench/ref.c at gcc -O3, the toy's SGD loop and the quadratic-circle GD
 *   loop, checked to end at the engine's x bit for bit (so it is the same loop);
 * - NumPy: bench/ref_numpy.py, the toy and quadratic-circle SGD ensembles
 *   vectorised over the runs.
 * Each is skipped, with the reason, when its tool is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ensemble } from '../src/core/engine/ensemble';
import type { CircleProblem as CircleProblemType } from '../src/core/problems/circle';
import { CircleProblem } from '../src/core/problems/circle';
import { Mulberry32, Salt } from '../src/core/rng';
import { ensembleSpec } from '../src/core/prepare-run';
import { ENSEMBLE_QUERY, resolveQuery, type Partner, type Throughput, type ThroughputProbe } from './engine';
import { stat, type Skipped, type Stat } from './stat';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface Tool {
  path: string;
  version: string;
}

/** The first line a command prints for `args`, or null when it cannot run. */
function firstLine(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).trim().split('\n')[0] ?? '';
}

export interface NativeBinary {
  bin: string;
  compiler: string;
  flags: string[];
  dispose(): void;
}

export const NATIVE_FLAGS = ['-O3', '-ffp-contract=off'];

/** Compile bench/ref.c into a temporary directory, or say why not. */
export function compileNative(): NativeBinary | Skipped {
  const compiler = firstLine('gcc', ['--version']);
  if (compiler === null) return { skipped: 'gcc not found (Debian: apt-get install -y gcc)' };
  const dir = mkdtempSync(join(tmpdir(), 'sharpness-bench-'));
  const bin = join(dir, 'ref');
  const r = spawnSync('gcc', [...NATIVE_FLAGS, '-o', bin, join(here, 'ref.c'), '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `gcc failed on bench/ref.c: ${(r.stderr || String(r.error)).trim().slice(0, 300)}` };
  }
  return { bin, compiler, flags: NATIVE_FLAGS, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface NativeFigure {
  loop: 'toy-sgd' | 'circle-gd';
  steps: number;
  stepsPerSecond: Stat;
  /** The C program ended at the engine's x and escape step, bit for bit. */
  matchesEngine: boolean;
  x: number[];
}

interface RefOutput {
  seconds: number[];
  x: number[];
  escapeStep: number;
}

function runJson<T>(cmd: string, args: string[], input?: string): T {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 1 << 20, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || String(r.error)).trim().slice(0, 300)}`);
  return JSON.parse(r.stdout) as T;
}

const sameBits = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * One loop of the C program as the engine's partner (bench/engine.ts): each call
 * runs the loop once from the engine run's own start (and random state) and
 * returns its steps per second; `figure` then checks that it ended where the
 * engine did.
 */
export class NativeLoop {
  private last: RefOutput | null = null;
  private error: string | null = null;
  private readonly samples: number[] = [];

  constructor(
    private readonly native: NativeBinary,
    readonly loop: NativeFigure['loop'],
    private readonly eta: number,
    private readonly escape: number,
    private readonly model: 1 | 2 | 3 | 4 = 1,
  ) {}

  readonly partner: Partner = (probe) => {
    if (this.error !== null) return NaN;
    try {
      return this.sample(probe);
    } catch (e) {
      this.error = (e as Error).message;
      return NaN;
    }
  };

  private sample(probe: ThroughputProbe): number {
    const { x0, rngState } = probe.trace();
    const steps = String(probe.steps);
    let out: RefOutput;
    if (this.loop === 'toy-sgd') {
      out = runJson<RefOutput>(this.native.bin, ['toy-sgd', steps, '1', rngState.join(','), String(x0[0]), String(this.eta), String(this.escape)]);
    } else {
      const p = new CircleProblem(this.model, 1e-3);
      const params = [p.n, ...p.q1, ...p.q2, ...p.c1, ...p.c3].map(String).join('\n');
      out = runJson<RefOutput>(this.native.bin, ['circle-gd', steps, '1', String(x0[0]), String(x0[1]), String(this.eta), String(this.escape)], params);
    }
    this.last = out;
    const rate = probe.steps / out.seconds[0];
    this.samples.push(rate);
    return rate;
  }

  /** The loop's figure, or why there is none. */
  figure(engine: Throughput): NativeFigure | Skipped {
    const out = this.last;
    if (this.error !== null) return { skipped: this.error };
    if (!out) return { skipped: `native ${this.loop} never ran` };
    const t = engine.trace;
    return { loop: this.loop, steps: engine.stepsPerSample, stepsPerSecond: stat(this.samples), matchesEngine: sameBits(out.x, t.x) && out.escapeStep === t.escapeStep, x: out.x };
  }
}

/** python3 with numpy, or why not. */
export function findNumpy(): Tool | Skipped {
  const py = firstLine('python3', ['--version']);
  if (py === null) return { skipped: 'python3 not found' };
  const np = firstLine('python3', ['-c', 'import numpy; print(numpy.__version__)']);
  if (np === null) return { skipped: `${py} has no numpy (Debian: apt-get install -y python3-numpy)` };
  return { path: 'python3', version: `${py}, numpy ${np}` };
}

export interface NumpyFigure {
  ensemble: 'toy' | 'circle';
  runs: number;
  steps: number;
  seconds: Stat;
  stepsPerSecond: Stat;
}

interface NumpyOutput {
  seconds: number[];
}

export function numpyEnsemble(ensemble: 'toy' | 'circle', runs: number, steps: number, repeats: number, model: 1 | 2 | 3 | 4 = 1): NumpyFigure {
  const script = join(here, 'ref_numpy.py');
  let input: string | undefined;
  if (ensemble === 'circle') {
    const p = new CircleProblem(model, 1e-3);
    input = JSON.stringify({ q1: [...p.q1], q2: [...p.q2], c1: [...p.c1], c3: [...p.c3] });
  }
  const out = runJson<NumpyOutput>('python3', [script, ensemble, String(runs), String(steps), String(repeats)], input);
  const seconds = stat(out.seconds);
  return { ensemble, runs, steps, seconds, stepsPerSecond: stat(out.seconds.map((s) => (runs * steps) / s)) };
}

export interface NumpyFigures {
  version: string;
  toy: NumpyFigure;
  circle: NumpyFigure;
}

/** Both NumPy ensembles, or why they were skipped. */
export function measureNumpy(runs: number, toySteps: number, circleSteps: number, repeats: number, log: (line: string) => void = () => {}): NumpyFigures | Skipped {
  const py = findNumpy();
  if ('skipped' in py) return py;
  try {
    const toy = numpyEnsemble('toy', runs, toySteps, repeats);
    const circle = numpyEnsemble('circle', runs, circleSteps, repeats);
    log(`numpy: toy ${(toy.stepsPerSecond.median / 1e6).toFixed(1)} M steps/s, circle ensemble ${circle.seconds.median.toFixed(3)} s`);
    return { version: py.version, toy, circle };
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}

export interface NativeEnsembleFigure {
  runs: number;
  steps: number;
  hist: number;
  seconds: Stat;
  /** Every run ended at the engine's x, bit for bit. */
  matchesEngine: boolean;
}

/**
 * bench/ref.c's circle-sgd: the engine's quadratic-circle SGD ensemble (runs × steps,
 * histories of `hist` points) in C, from the engine's own starts and random states,
 * checked to end where the engine's runs end.
 */
export function nativeCircleEnsemble(native: NativeBinary, runs: number, steps: number, hist: number, repeats: number): NativeEnsembleFigure | Skipped {
  try {
    // The C loop carries mulberry32's one-word state: the ensemble of a link of version 1, whose
    // runs it must end at bit for bit (the stepping and the histories are the same in every version).
    const { problem, config } = resolveQuery(`${ENSEMBLE_QUERY}&v=1`);
    const spec = ensembleSpec({ ...config, runs, steps, hist }, 'sgd');
    const ens = new Ensemble(problem, spec);
    const starts = ens.runs.map((r, i) => `${new Mulberry32(spec.seed, i, Salt.run).state >>> 0} ${r.x[0]} ${r.x[1]}`);
    ens.runToEnd();
    const p = problem as CircleProblemType;
    const input = [p.n, ...p.q1, ...p.q2, ...p.c1, ...p.c3].map(String).join('\n') + '\n' + starts.join('\n') + '\n';
    const out = runJson<{ seconds: number[]; x: number[] }>(native.bin, ['circle-sgd', String(runs), String(steps), String(hist), String(repeats), String(config.eta), String(config.escape)], input);
    const engineX = ens.runs.flatMap((r) => Array.from(r.x));
    return { runs, steps, hist, seconds: stat(out.seconds), matchesEngine: sameBits(out.x, engineX) };
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}
