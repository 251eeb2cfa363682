import { selectN } from '../state/selectors';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { stabilityRectangle } from '../../core/stability-region';
import { problemCan } from '../../core/problems/registry';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { escapedBy, scrubAt } from '../sim/scrub';
import { useShallow } from 'zustand/react/shallow';
import { useChart } from '../charts/use-chart';
import type { DiagramMinimum, DiagramModel } from './diagram-model';
import { createStabilityDiagram, type DiagramHandlers } from './stability-diagram';
import { referenceMarks } from './reference-marks';
import { diagramComparisons } from './diagram-comparisons';
import { DiagramSpeech, MinimaTable } from '../a11y/DiagramSpeech';
import { pointKeyMove } from '../a11y/point-keys';

/** React around, D3 inside: the stability diagram bound to the store and the live runs. */
export function DiagramView() {
  const sim = useSim();
  const c = useExplorer(
    useShallow((s) => ({
      eta: s.config.eta,
      B: s.config.B,
      sampling: s.config.sampling,
      family: s.config.family,
      axes: s.config.axes,
      lecture: s.config.lecture,
      problem: s.config.problem,
      a: s.config.a,
      s: s.config.s,
      n: selectN(s),
    })),
  );
  const compare = useExplorer((s) => s.config.compare);
  const comparisons = useMemo(() => diagramComparisons({ eta: c.eta, B: c.B, sampling: c.sampling }, compare), [compare, c.eta, c.B, c.sampling]);
  const info = useExplorer((s) => s.info);
  const note = useExplorer((s) => s.note);
  const setConfig = useExplorer((s) => s.setConfig);
  const measuredRef = useRef<HTMLDivElement>(null);

  const minima: DiagramMinimum[] = useMemo(() => {
    if (!info || problemCan(c.problem, 'handPlaced')) return [];
    return info.minima.map((m, i) => ({
      label: m.label,
      a: m.sharpness,
      s: m.nonUniformity,
      stableSGD: m.stableSGD === true, // undecided within the bound is not drawn as stable
      stableGD: m.stableGD,
      saddle: m.saddle,
      isStart: i === info.center,
    }));
  }, [info, c.problem]);

  const handlers = useMemo<DiagramHandlers>(
    () => ({
      corner: (eta, B) => setConfig({ eta: Number(eta.toPrecision(4)), B }),
      point: (a, s) => setConfig({ a, s }),
    }),
    [setConfig],
  );
  const model = useMemo<DiagramModel>(
    () => ({
      eta: c.eta,
      B: c.B,
      n: c.n,
      sampling: c.sampling,
      family: c.family,
      axes: c.axes,
      lecture: c.lecture,
      point: problemCan(c.problem, 'handPlaced') ? { a: c.a, s: c.s } : null,
      minima,
      references: referenceMarks(note?.title ?? null),
      comparisons,
    }),
    [c, minima, note, comparisons],
  );
  const boxRef = useChart(createStabilityDiagram, handlers, model);
  const descId = useId();
  const point = problemCan(c.problem, 'handPlaced');
  // Arrow keys move the hand-placed point; the page's own arrow keys (η, step) wait while it has the focus.
  const onPointKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = pointKeyMove(e, { a: c.a, s: c.s }, stabilityRectangle(c.eta, c.n, c.B, c.sampling));
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    setConfig(next);
  };

  // The measured side, counted from the runs: beside the start minimum, never its colour.
  // Written straight into its node from the render loop (a React render per frame cost the views
  // their frames), and t only in steps of the axis ladder so the text changes a few times a second.
  useEffect(() => {
    if (!sim) return;
    const el = measuredRef.current!;
    // The text node React rendered (the no-break space below) keeps its place and takes the new
    // text: setting textContent would replace the node, a removal and an insertion for layout each frame.
    const node = el.firstChild as Text;
    const setMeasured = (text: string | null) => {
      const t = text ?? '\u00a0';
      if (node.data !== t) node.data = t;
    };
    return sim.subscribe((run) => {
      const sgd = run?.sgd;
      if (!sgd || !run) {
        setMeasured(null);
        return;
      }
      const start = run.info.minima[run.info.center];
      const at = scrubAt(run);
      if (at) {
        // The time scrubber: the counts by its step, from the exact escape steps.
        setMeasured(`Measured at ${start ? start.label : 'the start'}: SGD ${escapedBy(sgd, at.t)} of ${sgd.K} escaped by step ${at.t}`);
        return;
      }
      let esc = 0;
      for (let r = 0; r < sgd.K; r++) if (sgd.escapeStep[r] >= 0) esc++;
      const gd = run.gd;
      const gdText = gd ? (gd.divergedStep[0] >= 0 ? `GD diverged at step ${gd.divergedStep[0]}` : gd.escapeStep[0] >= 0 ? 'GD escaped' : 'GD stayed') : '';
      const t = run.done ? run.t : roundDown(run.t);
      setMeasured(`Measured at ${start ? start.label : 'the start'}: SGD ${esc} of ${sgd.K} escaped${gdText ? ` · ${gdText}` : ''} (t ${run.done ? '=' : '≥'} ${t})`);
    });
  }, [sim]);

  return (
    <div className="view-with-tools">
      {/* Not a live region: it changes every frame; the description below speaks for it, paced. */}
      <div className="measured" data-testid="measured-label" ref={measuredRef}>
        {'\u00a0'}
      </div>
      {info?.theoryPending ? (
        <div className="measured" data-testid="diagram-theory-pending">
          minima: computing…
        </div>
      ) : null}
      {/*
        The diagram is named and described at this level (the chart draws, this speaks: docs/accessibility.md).
        With a hand-placed point it is a Tab stop whose arrow keys move the point (a keyboard's drag).
      */}
      <div
        className="chart-box"
        ref={boxRef}
        role="group"
        aria-label={point ? `stability diagram; hand-placed minimum at a = ${c.a}, s = ${c.s}: arrow keys move it (Shift: ten times as far)` : 'stability diagram: sharpness a across, non-uniformity s up'}
        aria-describedby={descId}
        tabIndex={point ? 0 : undefined}
        data-testid="diagram-box"
        onKeyDown={point ? onPointKey : undefined}
      />
      <DiagramSpeech id={descId} />
      <MinimaTable />
    </div>
  );
}

/** t rounded down to two significant digits: the label moves on a few times a second, not every frame. */
function roundDown(t: number): number {
  if (t < 100) return t;
  const p = 10 ** (Math.floor(Math.log10(t)) - 1);
  return Math.floor(t / p) * p;
}
