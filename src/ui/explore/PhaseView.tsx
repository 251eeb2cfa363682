import './explore.css';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { etaAt } from '../../core/explore/phase-grid';
import { fmt } from '../diagram/diagram-model';
import { useExplorer } from '../state/store';
import { createPhaseHeatmap, type PhaseHandlers, type PhaseModel } from './phase-heatmap';
import { useChart } from '../charts/use-chart';
import { PhaseRun } from './phase-run';
import { phaseGridOf, problemQueryOf } from './phase-spec';
import { PhaseTable } from '../a11y/DataTables';

/**
 * The escape phase diagram workspace: the measured escape fraction
 * over η × B from a pool of workers, filling in coarse to fine, beside the
 * theory's boundaries. Clicking a cell (or Enter on the keyboard cursor) sets η and B.
 */
export function PhaseView() {
  const config = useExplorer((s) => s.config);
  const setConfig = useExplorer((s) => s.setConfig);
  const [run] = useState(() => new PhaseRun());
  const snap = useSyncExternalStore(run.subscribe, run.getSnapshot);
  const [cursor, setCursor] = useState(0);

  // A new grid (problem, range, runs …) starts itself; moving η or B does not.
  const grid = phaseGridOf(config);
  const query = problemQueryOf(config);
  // load() compares the grid by value: the same grid is left alone.
  useEffect(() => run.load(query, grid), [run, query, grid]);
  useEffect(() => () => run.dispose(), [run]);
  // The live run's worker shares the cores: the grid takes all of them only while it is idle.
  const liveBusy = useExplorer((s) => !s.paused && (s.status.state === 'running' || s.status.state === 'starting'));
  useEffect(() => run.setLiveBusy(liveBusy), [run, liveBusy]);

  const pick = useCallback(
    (cell: number) => {
      const g = run.getSnapshot().grid;
      setCursor(cell);
      setConfig({ eta: Number(etaAt(g, cell % g.etaCount).toPrecision(4)), B: g.batches[Math.floor(cell / g.etaCount)] }, { push: true });
    },
    [run, setConfig],
  );

  const total = snap.total;
  const c = Math.min(cursor, Math.max(0, total - 1));
  const handlers = useMemo<PhaseHandlers>(() => ({ pick }), [pick]);
  const model = useMemo<PhaseModel>(
    () => ({ grid: snap.grid, escaped: snap.escaped, boundaries: snap.boundaries, current: { eta: config.eta, B: config.B }, cursor: c, lecture: config.lecture }),
    [snap, config.eta, config.B, config.lecture, c],
  );
  const boxRef = useChart(createPhaseHeatmap, handlers, model);

  function onKey(ev: KeyboardEvent<HTMLDivElement>): void {
    const E = snap.grid.etaCount;
    const R = snap.grid.batches.length;
    const e = c % E;
    const r = Math.floor(c / E);
    const move: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    // The grid's own arrows: the page's (η, step) wait while the grid has the focus.
    if (move[ev.key] && !ev.shiftKey && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      ev.stopPropagation();
      const [de, dr] = move[ev.key];
      setCursor(Math.max(0, Math.min(R - 1, r + dr)) * E + Math.max(0, Math.min(E - 1, e + de)));
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      ev.stopPropagation();
      pick(c);
    }
  }

  const cellEta = etaAt(snap.grid, c % snap.grid.etaCount);
  const cellB = snap.grid.batches[Math.floor(c / snap.grid.etaCount)];
  const cellValue = snap.escaped[c] ?? -1;
  const readout = `η = ${fmt(cellEta)}, B = ${cellB}: ${cellValue >= 0 ? `${cellValue} of ${snap.grid.runs} runs escaped` : 'not computed yet'}`;
  const { phase, done, ms, workers, boundaries: bounds } = snap;
  const status =
    phase === 'done' && ms !== null
      ? `${snap.grid.etaCount} × ${snap.grid.batches.length} cells × ${snap.grid.runs} runs × ${snap.grid.steps} steps in ${(ms / 1000).toFixed(2)} s (${workers} worker${workers === 1 ? '' : 's'})`
      : phase === 'cancelled'
        ? `cancelled at ${done} of ${total} cells`
        : phase === 'error'
          ? `error: ${snap.error}`
          : `${done} of ${total} cells`;

  return (
    <section className="explore phase-view panel" data-panel="phase" aria-label="escape phase diagram">
      <div className="explore-toolbar">
        <h2>Escape phase diagram</h2>
        <button type="button" data-testid="phase-start" onClick={() => run.start()} disabled={phase === 'running'}>
          Start
        </button>
        <button type="button" data-testid="phase-cancel" onClick={() => run.cancel()} disabled={phase !== 'running'}>
          Cancel
        </button>
        <progress data-testid="phase-progress" max={total} value={done} aria-label="cells computed" />
        <span
          className="explore-status"
          data-testid="phase-status"
          data-state={phase}
          data-done={done}
          data-total={total}
          data-ms={ms ?? ''}
          data-kernel={snap.kernel?.kernel ?? ''}
          title={snap.kernel ? `Computed by ${snap.kernel.kernel}: ${snap.kernel.reason}` : undefined}
        >
          {status}
        </span>
        <button type="button" className="link-button" data-testid="phase-to-live" onClick={() => setConfig({ tab: 'live' }, { push: true })}>
          Watch live runs at η = {fmt(config.eta)}, B = {config.B} →
        </button>
      </div>
      <p className="explore-hint">
        Start minimum{' '}
        {bounds ? (
          <strong>{bounds.minimum.label}</strong>
        ) : snap.boundariesError ? (
          <span data-testid="phase-theory-error">unknown: {snap.boundariesError}; Start asks again</span>
        ) : (
          '…'
        )}
        : measured fraction of {snap.grid.runs} SGD runs from within ε = {fmt(snap.grid.radius)} that pass R = {fmt(snap.grid.escape)}. Click a cell, or use the arrow keys and Enter, to set η and B.
      </p>
      <div className="phase-readout" data-testid="phase-readout" aria-live="polite">
        {readout}
      </div>
      <div
        className="phase-box"
        ref={boxRef}
        tabIndex={0}
        role="application"
        aria-roledescription="phase diagram"
        aria-label={`phase diagram; cursor at ${readout}; arrows move, Enter sets η and B`}
        onKeyDown={onKey}
        data-testid="phase-box"
      />
      <PhaseTable grid={snap.grid} escaped={snap.escaped} computing={phase === 'running'} />
    </section>
  );
}
