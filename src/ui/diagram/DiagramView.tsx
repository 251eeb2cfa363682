import { useEffect, useMemo, useRef, useState } from 'react';
import { componentCount } from '../../core/problems/component-count';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { useShallow } from 'zustand/react/shallow';
import type { DiagramMinimum } from './diagram-model';
import { createStabilityDiagram, type DiagramHandle } from './stability-diagram';
import { referenceMarks } from './reference-marks';

/** React around, D3 inside: the stability diagram bound to the store and the live runs. */
export function DiagramView() {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const handle = useRef<DiagramHandle | null>(null);
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
      n: componentCount(s.config),
    })),
  );
  const info = useExplorer((s) => s.info);
  const note = useExplorer((s) => s.note);
  const setConfig = useExplorer((s) => s.setConfig);
  const [measured, setMeasured] = useState<string | null>(null);

  const minima: DiagramMinimum[] = useMemo(() => {
    if (!info || c.problem === 'point') return [];
    return info.minima.map((m, i) => ({
      label: m.label,
      a: m.sharpness,
      s: m.nonUniformity,
      stableSGD: m.stableSGD,
      stableGD: m.stableGD,
      isStart: i === info.center,
    }));
  }, [info, c.problem]);

  useEffect(() => {
    if (!svgRef.current) return;
    const h = createStabilityDiagram(svgRef.current, {
      corner: (eta, B) => setConfig({ eta: Number(eta.toPrecision(4)), B }),
      point: (a, s) => setConfig({ a, s }),
    });
    handle.current = h;
    const box = boxRef.current!;
    const ro = new ResizeObserver(() => h.resize(box.clientWidth, box.clientHeight));
    ro.observe(box);
    h.resize(box.clientWidth, box.clientHeight);
    return () => {
      ro.disconnect();
      h.destroy();
      handle.current = null;
    };
  }, [setConfig]);

  useEffect(() => {
    handle.current?.update({
      eta: c.eta,
      B: c.B,
      n: c.n,
      sampling: c.sampling,
      family: c.family,
      axes: c.axes,
      lecture: c.lecture,
      point: c.problem === 'point' ? { a: c.a, s: c.s } : null,
      minima,
      references: referenceMarks(note?.title ?? null),
    });
  }, [c, minima, note]);

  // The measured side, counted from the runs: beside the start minimum, never its colour.
  useEffect(() => {
    if (!sim) return;
    return sim.subscribe((run) => {
      const sgd = run?.sgd;
      if (!sgd || !run) {
        setMeasured(null);
        return;
      }
      let esc = 0;
      for (let r = 0; r < sgd.K; r++) if (sgd.escapeStep[r] >= 0) esc++;
      const gd = run.gd;
      const gdText = gd ? (gd.divergedStep[0] >= 0 ? `GD diverged at step ${gd.divergedStep[0]}` : gd.escapeStep[0] >= 0 ? 'GD escaped' : 'GD stayed') : '';
      const start = run.info.minima[run.info.center];
      setMeasured(`Measured at ${start ? start.label : 'the start'}: SGD ${esc} of ${sgd.K} escaped${gdText ? ` · ${gdText}` : ''} (t = ${run.t})`);
    });
  }, [sim]);

  return (
    <div className="view-with-tools">
      <div className="measured" data-testid="measured-label" aria-live="polite">
        {measured ?? ' '}
      </div>
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} />
      </div>
    </div>
  );
}
