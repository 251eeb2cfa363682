import { useEffect, useMemo, useRef, useState } from 'react';
import { SWEEPS, sweepVariants, type SweepKind, type SweepModel } from '../../core/network/sweeps';
import type { NetworkApi } from '../../worker/network-api';
import { isAbortError, RpcClient } from '../../worker/rpc/rpc-client';
import { fmt } from '../diagram/diagram-model';
import { ChartBox } from '../explore/ChartBox';
import { useExplorer } from '../state/store';
import { workerKinds } from '../workers/worker-kinds';
import { createSweepChart } from './sweep-chart';
import { sweepPlotModel } from './sweep-plot-model';

const TITLES: Record<SweepKind, string> = {
  table2: 'Table 2: GD at five η, a against 2/η',
  fig5: 'Fig. 5: SGD over B at this η, s against √B/η',
  fig6: 'Fig. 6: GD and SGD over B × v (24 models)',
};

/** A measured sharpness or non-uniformity as its interval, or why the run has none. */
function range(e: SweepModel['ends'][number], which: 'sharpness' | 'nonUniformity'): string {
  const v = e[which];
  return v ? `${v.lower.toPrecision(4)} … ${v.upper.toPrecision(4)}` : e.diverged ? 'diverged' : 'not converged';
}

/**
 * Wu–Ma–E's §5 sweeps on the link's network, in a worker of their own, model by
 * model: each row appears as its model finishes, with progress and Cancel. Each
 * row is `npm run sim` of its own permalink (and `npm run sim -- --paper-sweep=…` prints
 * the whole sweep). Measured on this network, drawn as it fills in (sweep-plot-model.ts),
 * with the paper's own values beside it only as labelled reference marks.
 */
export function NetworkSweep({ base, label }: { base: string; label: string }) {
  const [client] = useState(() => new RpcClient<NetworkApi>(workerKinds.network, { role: 'network-sweep' }));
  const [kind, setKind] = useState<SweepKind>('table2');
  /** The kind of the sweep whose models are shown (the menu may have moved on since). */
  const [shown, setShown] = useState<SweepKind>('table2');
  const [models, setModels] = useState<SweepModel[]>([]);
  const [state, setState] = useState<{ phase: 'idle' | 'running' | 'done' | 'cancelled' | 'error'; total: number; error?: string }>({ phase: 'idle', total: 0 });
  const lecture = useExplorer((s) => s.config.lecture);
  const plot = useMemo(() => sweepPlotModel(shown, models, lecture), [shown, models, lecture]);
  const ctrl = useRef<AbortController | null>(null);
  const box = useRef<HTMLElement | null>(null);
  const hasResults = models.length > 0;
  // The first result opens the sweep's chart and table: on a short screen the workspace scrolls so the
  // whole box shows, its chart's legend included (the charts above keep their height: network.css).
  useEffect(() => {
    if (hasResults) box.current?.scrollIntoView({ block: 'nearest' });
  }, [hasResults]);
  useEffect(
    () => () => {
      ctrl.current?.abort(new DOMException('left', 'AbortError'));
      client.dispose();
    },
    [client],
  );

  async function start(): Promise<void> {
    ctrl.current?.abort(new DOMException('restarted', 'AbortError'));
    const c = new AbortController();
    ctrl.current = c;
    const variants = sweepVariants(kind);
    setModels([]);
    setShown(kind);
    setState({ phase: 'running', total: variants.length });
    try {
      for (const v of variants) {
        const m = await client.call('sweepModel', base, v, c.signal);
        if (c.signal.aborted) return;
        setModels((ms) => [...ms, m]);
      }
      setState({ phase: 'done', total: variants.length });
    } catch (e) {
      if (isAbortError(e)) setState((s) => ({ ...s, phase: 'cancelled' }));
      else setState((s) => ({ ...s, phase: 'error', error: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <figure ref={box} className={hasResults ? 'network-sweep has-results' : 'network-sweep'}>
      <figcaption>
        Sweeps on {label} (measured; each row is npm run sim of its link){' '}
        <select aria-label="sweep" data-testid="network-sweep-kind" value={kind} onChange={(e) => setKind(e.target.value as SweepKind)} disabled={state.phase === 'running'}>
          {SWEEPS.map((k) => (
            <option key={k} value={k}>
              {TITLES[k]}
            </option>
          ))}
        </select>{' '}
        <button type="button" data-testid="network-sweep-start" onClick={() => void start()} disabled={state.phase === 'running'}>
          Start
        </button>{' '}
        <button type="button" data-testid="network-sweep-cancel" onClick={() => ctrl.current?.abort(new DOMException('cancelled', 'AbortError'))} disabled={state.phase !== 'running'}>
          Cancel
        </button>{' '}
        {state.phase === 'running' && <progress aria-label="sweep progress" max={state.total} value={models.length} />}{' '}
        <span className="explore-status" data-testid="network-sweep-status" data-state={state.phase}>
          {state.phase === 'idle' ? '' : `${models.length} of ${state.total} models${state.phase === 'running' ? '' : ` (${state.phase}${state.error ? `: ${state.error}` : ''})`}`}
        </span>
      </figcaption>
      {models.length > 0 && (
        <div className="network-sweep-body">
          <div className="network-sweep-plot" data-testid="network-sweep-plot">
            <ChartBox create={createSweepChart} model={plot} />
          </div>
          <div className="network-sweep-table">
            <p className="network-sweep-key">
              {plot.title}: the explorer’s trained minima (estimates with their intervals), the theory dashed
              {plot.references.length > 0 ? (
                <>
                  , and the paper’s values for its own networks (reference marks, not this network’s; hover for each)
                </>
              ) : (
                '; the paper prints no numbers for Fig. 5 to draw beside them'
              )}
            </p>
            <table data-testid="network-sweep-rows">
              <thead>
                <tr>
                  <th>η</th>
                  <th>B</th>
                  <th>v</th>
                  <th>run</th>
                  <th>a</th>
                  <th>2/η</th>
                  <th>s</th>
                  <th>√B/η</th>
                  <th>1/(η√c)</th>
                </tr>
              </thead>
              <tbody>
                {models.flatMap((m, k) =>
                  m.ends.map((e) => (
                    <tr
                      key={`${k}-${e.optimiser}-${e.run}`}
                      data-testid="network-sweep-row"
                      data-trained={e.trained}
                      // The full numbers, for checking the page against npm run sim's sweep bit for bit (the cells round them).
                      data-checksum={e.thetaChecksum}
                      data-a={e.sharpness?.value}
                      data-s={e.nonUniformity?.value}
                    >
                      <td>{fmt(m.eta)}</td>
                      <td>{m.B}</td>
                      <td>{fmt(m.init)}</td>
                      <td>{e.optimiser === 'gd' ? 'GD' : `SGD ${e.run}`}</td>
                      <td>{range(e, 'sharpness')}</td>
                      <td>{fmt(m.twoOverEta)}</td>
                      <td>{range(e, 'nonUniformity')}</td>
                      <td>{fmt(m.sqrtBOverEta)}</td>
                      <td>{m.rectangleTop === null ? '∞' : fmt(m.rectangleTop)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </figure>
  );
}
