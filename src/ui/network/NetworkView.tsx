import '../explore/explore.css';
import './network.css';
import { useEffect, useMemo, useState } from 'react';
import type { TrainingPoint } from '../../core/network/training';
import { TRACE_LANCZOS_STEPS } from '../../core/network/training';
import { frobeniusBound, isAlignmentSkipped } from '../../core/network/alignment';
import { TRAINED_LOSS, type RunEnd } from '../../core/network/trained-minima';
import { componentCount } from '../../core/problems/component-count';
import { stabilityRectangle } from '../../core/stability-region';
import type { TrainingStarted, NetworkApi } from '../../worker/network-api';
import { RpcClient } from '../../worker/rpc/rpc-client';
import { fmt } from '../diagram/diagram-model';
import { ChartBox } from '../explore/ChartBox';
import { createSelectionScatter, type ScatterModel } from '../explore/selection-scatter';
import { simQuery } from '../state/config-rules';
import { useExplorer } from '../state/store';
import { COLORS } from '../theme/colors';
import { workerKinds } from '../workers/worker-kinds';
import { NetworkSweep } from './NetworkSweep';
import { createTrainingChart, type TrainingChartModel, type TrainingSeries } from './training-chart';

type Phase = 'idle' | 'training' | 'measuring' | 'done' | 'error';

interface TrainingState {
  phase: Phase;
  info: TrainingStarted | null;
  points: TrainingPoint[];
  ends: RunEnd[];
  error: string | null;
}

const IDLE: TrainingState = { phase: 'idle', info: null, points: [], ends: [], error: null };

/** The network preset's keys, for the button shown when another problem is chosen. */
const NETWORK_DEFAULTS = { problem: 'mlp', eta: 0.2, B: 10, steps: 2000, runs: 4 } as const;

/**
 * The network workspace (`tab=network`): a network's GD and SGD runs trained in a
 * worker of their own (the same runs as the live tab and `npm run sim`), the
 * losses and the sharpness along training with 2/η dashed, and each trained end
 * point measured and placed on the sharpness–non-uniformity plane with the current
 * rectangle. A run whose loss stays at or above 1e-4 is listed as not converged and
 * never placed.
 */
export function NetworkView() {
  const config = useExplorer((s) => s.config);
  const setConfig = useExplorer((s) => s.setConfig);
  const [client] = useState(() => new RpcClient<NetworkApi>(workerKinds.network, { role: 'network' }));
  const [state, setState] = useState<TrainingState>(IDLE);
  const [again, setAgain] = useState(0);
  const isNetwork = config.problem === 'mlp';
  const query = isNetwork ? simQuery(config) : '';

  useEffect(() => () => client.dispose(), [client]);
  // `again` is a dependency on purpose: Train again re-runs the effect with the same query.
  const run = useMemo(() => ({ query, again }), [query, again]);
  useEffect(() => {
    if (!run.query) return;
    let live = true;
    void (async () => {
      setState({ ...IDLE, phase: 'training' });
      const info = await client.call('start', run.query);
      let points = [info.first];
      if (!live) return;
      setState({ ...IDLE, phase: 'training', info, points });
      for (;;) {
        const chunk = await client.call('advance', 60);
        if (!live) return;
        points = points.concat(chunk.points);
        setState({ ...IDLE, phase: chunk.done ? 'measuring' : 'training', info, points });
        if (chunk.done) break;
      }
      const ends = await client.call('ends');
      if (live) setState({ phase: 'done', info, points, ends, error: null });
    })().catch((e: unknown) => {
      if (live) setState((s) => ({ ...s, phase: 'error', error: e instanceof Error ? e.message : String(e) }));
    });
    return () => {
      live = false;
    };
  }, [client, run]);

  const lecture = config.lecture;
  const { eta, B, sampling } = config;
  const n = isNetwork ? componentCount(config) : 1;
  const steps = state.info?.steps ?? config.steps;

  const lossModel: TrainingChartModel = useMemo(() => {
    const series: TrainingSeries[] = [];
    const runs = state.points[0]?.sgdLoss.length ?? 0;
    for (let k = 0; k < runs; k++) series.push({ id: `sgd-${k}`, label: 'SGD runs', short: 'SGD', color: COLORS.sgdRun, width: 1, points: state.points.map((p) => [p.t, p.sgdLoss[k]]) });
    series.push({ id: 'gd', label: 'GD', color: COLORS.gdRun, width: 2.5, points: state.points.map((p) => [p.t, p.gdLoss ?? NaN]) });
    return { testId: 'network-loss-chart', title: 'training loss against the step', yLabel: 'training loss', yShort: 'loss', log: true, steps, series, reference: { value: TRAINED_LOSS, label: 'trained: 1e-4' }, lecture };
  }, [state.points, steps, lecture]);

  const sharpModel: TrainingChartModel = useMemo(() => {
    const pts = (pick: (p: TrainingPoint) => number | null) => state.points.filter((p) => pick(p) !== null).map((p): [number, number] => [p.t, pick(p)!]);
    return {
      testId: 'network-sharpness-chart',
      title: 'sharpness against the step',
      yLabel: 'sharpness a',
      yShort: 'a',
      log: false,
      steps,
      series: [
        { id: 'sgd-a', label: 'SGD run 0', short: 'SGD', color: COLORS.sgdRun, width: 1.5, points: pts((p) => p.sgdSharpness) },
        { id: 'gd-a', label: 'GD', color: COLORS.gdRun, width: 2.5, points: pts((p) => p.gdSharpness) },
      ],
      reference: { value: 2 / eta, label: `2/η = ${fmt(2 / eta)}` },
      lecture,
    };
  }, [state.points, steps, eta, lecture]);

  const trained = state.ends.filter((e) => e.trained && e.sharpness && e.nonUniformity);
  const scatter: ScatterModel | null = useMemo(
    () =>
      isNetwork
        ? {
            points: trained.map((e) => ({
              label: endLabel(e, eta, B),
              a: e.sharpness!.value,
              s: e.nonUniformity!.value,
              sgd: e.optimiser === 'sgd' ? 1 : 0,
              gd: e.optimiser === 'gd' ? 1 : 0,
              aRange: [e.sharpness!.lower, e.sharpness!.upper] as [number, number],
              sRange: [e.nonUniformity!.lower, e.nonUniformity!.upper] as [number, number],
            })),
            rect: stabilityRectangle(eta, n, B, sampling),
            runs: 1,
            lecture,
          }
        : null,
    [trained, isNetwork, eta, B, n, sampling, lecture],
  );
  const rect = stabilityRectangle(eta, n, B, sampling);

  if (!isNetwork) {
    return (
      <section className="explore network-view panel" data-panel="network" aria-label="a network's minima">
        <div className="explore-toolbar">
          <h2>A network’s minima</h2>
        </div>
        <p className="explore-hint" data-testid="network-not-mlp">
          This workspace trains a neural network (problem = mlp); the current problem is {config.problem}.{' '}
          <button type="button" data-testid="network-choose" onClick={() => setConfig({ ...NETWORK_DEFAULTS })}>
            Train the default network (digits, η = 0.2, B = 10)
          </button>
        </p>
      </section>
    );
  }

  const label = state.info ? state.info.label : '…';
  const last = state.points.at(-1);
  const status =
    state.phase === 'error'
      ? `error: ${state.error}`
      : state.phase === 'training'
        ? `training: step ${last?.t ?? 0} of ${steps}`
        : state.phase === 'measuring'
          ? 'measuring a and s at the end points …'
          : state.phase === 'done'
            ? `done: ${trained.length} of ${state.ends.length} runs trained (loss < 1e-4)`
            : 'waiting';

  return (
    <section className="explore network-view panel" data-panel="network" aria-label="a network's minima">
      <div className="explore-toolbar">
        <h2>A network’s minima</h2>
        <span data-testid="network-label">
          {label}, {state.info ? `${state.info.parameters} parameters` : ''} · η = {fmt(eta)}, B = {B}
        </span>
        <button type="button" data-testid="network-again" onClick={() => setAgain((k) => k + 1)} disabled={state.phase === 'training' || state.phase === 'measuring'}>
          Train again
        </button>
        {(state.phase === 'training' || state.phase === 'measuring') && <progress aria-label="training" max={steps} value={state.phase === 'measuring' ? undefined : (last?.t ?? 0)} />}
        <span className="explore-status" data-testid="network-status" data-state={state.phase}>
          {status}
        </span>
      </div>
      <p className="explore-hint">
        Measured on this network, not the paper’s FashionMNIST networks. GD and {config.runs > 8 ? 'the first 8 of ' : ''}the {config.runs} SGD runs start{' '}
        {config.switchloss > 0
          ? state.info
            ? state.info.switchStep !== null
              ? `where GD, trained from the initialisation, first had loss < ${fmt(config.switchloss)} (step ${state.info.switchStep}; Wu–Ma–E Fig. 1); steps count from there`
              : `nowhere: GD never reached loss < ${fmt(config.switchloss)}`
            : 'after GD’s phase (switchloss)'
          : 'at the same initialisation'}
        ; a and s are Lanczos estimates on exact Hessian-vector products (docs/theory.md).
      </p>
      <div className="network-grid">
        <figure className="network-loss">
          <figcaption>
            Training loss of GD and the SGD runs
          </figcaption>
          <ChartBox create={createTrainingChart} model={lossModel} />
        </figure>
        <figure className="network-sharpness">
          <figcaption>
            Sharpness along training of GD and SGD run 0 ({TRACE_LANCZOS_STEPS} Lanczos steps, a lower bound) with 2/η dashed
          </figcaption>
          <ChartBox create={createTrainingChart} model={sharpModel} />
        </figure>
        <figure className="network-minima">
          <figcaption>
            Measured: the trained minima’s (a, s) and their intervals, in the rectangle a ≤ {fmt(rect.sharpnessMax)}, s ≤ {fmt(rect.nonUniformityMax)}
          </figcaption>
          <ChartBox create={createSelectionScatter} model={scatter} />
        </figure>
        <figure className="network-table">
          <figcaption>
            Where each run ended: a and s are estimates with their interval; ‖G‖_F, μ (Wu–Wang–Su eq. 3), μ₀ and Theorem 3.3’s bound 1/(η√(cμ₀)) on ‖H‖_F are computed in closed form from the output gradients, with G the Gauss–Newton matrix, equal to H at zero loss and standing in for it below 1e-4 (docs/theory.md, “Wu-Wang-Su's quantities at a network's minimum”)
          </figcaption>
          <table data-testid="network-ends">
            <thead>
              <tr>
                <th>run</th>
                <th>loss</th>
                <th>a</th>
                <th>s</th>
                <th title="Frobenius norm of G = (1/n) Σ JᵢᵀJᵢ; ‖H‖_F at zero loss">‖G‖_F</th>
                <th title="Wu–Wang–Su's alignment factor μ = Tr(ΣG)/(2L‖G‖²_F)">μ</th>
                <th title="Wu–Wang–Su's μ₀: the smallest alignment over all directions, this point taken as the minimum">μ₀</th>
                <th title="Wu–Wang–Su Theorem 3.3: a linearly stable minimum has ‖H‖_F ≤ 1/(η√(cμ₀)) (√(B/μ₀)/η with replacement)">1/(η√(cμ₀))</th>
                <th>in the rectangle</th>
              </tr>
            </thead>
            <tbody>
              {state.ends.map((e) => (
                <tr key={`${e.optimiser}-${e.run}`} data-testid="network-end" data-trained={e.trained} data-optimiser={e.optimiser}>
                  <td>{endLabel(e, eta, B)}</td>
                  <td>{e.diverged ? 'diverged' : fmt(e.loss)}</td>
                  <td>{e.sharpness ? interval(e.sharpness.lower, e.sharpness.upper) : e.diverged ? '—' : 'not converged'}</td>
                  <td>{e.nonUniformity ? interval(e.nonUniformity.lower, e.nonUniformity.upper) : '—'}</td>
                  <AlignmentCells alignment={e.alignment} bound={(mu0) => frobeniusBound(mu0, eta, n, B, sampling)} />
                  <td>{e.sharpness && e.nonUniformity ? (e.sharpness.value <= rect.sharpnessMax && e.nonUniformity.value <= rect.nonUniformityMax ? 'inside' : 'outside') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
      <NetworkSweep base={query} label={label} />
    </section>
  );
}

/** ‖G‖_F and μ of a trained end, or why they are missing (the reason as the cells' tooltip). */
function AlignmentCells({ alignment, bound }: { alignment: RunEnd['alignment']; bound: (mu0: number | null) => number | null }) {
  if (alignment === null) {
    return (
      <>
        <td>—</td>
        <td>—</td>
        <td>—</td>
        <td>—</td>
      </>
    );
  }
  if (isAlignmentSkipped(alignment)) {
    return (
      <>
        <td title={alignment.skipped}>not computed</td>
        <td title={alignment.skipped}>not computed</td>
        <td title={alignment.skipped}>not computed</td>
        <td title={alignment.skipped}>not computed</td>
      </>
    );
  }
  const top = bound(alignment.mu0);
  return (
    <>
      <td data-testid="network-end-frobenius">{alignment.frobeniusG.toPrecision(5)}</td>
      <td data-testid="network-end-mu">{alignment.mu.toPrecision(4)}</td>
      <td data-testid="network-end-mu0" title={alignment.mu0 === null ? 'μ₀ ≤ 0: no bound' : undefined}>
        {alignment.mu0 === null ? '≤ 0' : alignment.mu0.toPrecision(4)}
      </td>
      <td data-testid="network-end-bound" title={top === null ? 'no bound: μ₀ ≤ 0, or no noise (c = 0)' : `‖G‖_F ${alignment.frobeniusG <= top ? '≤' : '>'} the bound`}>
        {top === null ? '—' : top.toPrecision(5)}
      </td>
    </>
  );
}

function endLabel(e: RunEnd, eta: number, B: number): string {
  return e.optimiser === 'gd' ? `GD η = ${fmt(eta)}` : `SGD η = ${fmt(eta)}, B = ${B}, run ${e.run}`;
}

function interval(lo: number, hi: number): string {
  return `${lo.toPrecision(5)} … ${hi.toPrecision(5)}`;
}
