import { useEffect, useRef } from 'react';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { Announcer } from './announcer';
import { describeDiagram, isUrgent, speechState, spoken, type SpeechState } from './describe-diagram';
import { pointerHeld } from '../charts/pointer-held';
import { diagramDescriptionOf } from './diagram-description-of';
import { HiddenTable } from './HiddenTable';

/**
 * The diagram's description, spoken through a polite live region (README "Accessibility"): at most
 * once every 2 s during a drag or a run, at once when a threshold is crossed or the
 * run ends (announcer.ts). Written into its node from the run's notifications, not by
 * a React render per frame (the live views' frames are precious, README "The render path").
 */
export function DiagramSpeech({ id }: { id: string }) {
  const sim = useSim();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!sim) return;
    const el = ref.current!;
    const announcer = new Announcer((text) => {
      el.textContent = text;
    });
    let prev: SpeechState | null = null;
    const unsubscribe = sim.subscribe((run) => {
      if (!run) return;
      const d = diagramDescriptionOf(run, useExplorer.getState().summary);
      const next = speechState(run.id, d);
      announcer.offer(describeDiagram(d), isUrgent(prev, next, pointerHeld()));
      prev = next;
    });
    return () => {
      unsubscribe();
      announcer.dispose();
    };
  }, [sim]);
  return <p className="sr-only" id={id} role="status" aria-live="polite" aria-atomic="true" data-testid="diagram-description" ref={ref} />;
}

const verdict = (v: boolean | null) => (v === null ? 'undecided' : v ? 'stable' : 'unstable');

/** The minima on the diagram as a table a screen reader can walk: the worker's theory of each, at the run's η and B. */
export function MinimaTable() {
  const info = useExplorer((s) => s.info);
  if (!info || info.minima.length === 0) return null;
  return (
    <HiddenTable testId="diagram-table">
      <caption>
        The minima on the diagram, theory at η {spoken(info.config.eta)} and B {info.config.B}
      </caption>
      <thead>
        <tr>
          <th scope="col">minimum</th>
          <th scope="col">sharpness a</th>
          <th scope="col">non-uniformity s</th>
          <th scope="col">rectangle</th>
          <th scope="col">SGD</th>
          <th scope="col">GD</th>
        </tr>
      </thead>
      <tbody>
        {info.minima.map((m, i) => (
          <tr key={`${m.label}-${i}`}>
            <th scope="row">
              {m.label}
              {i === info.center ? ' (start)' : ''}
              {m.saddle ? ' (saddle)' : ''}
            </th>
            <td>{spoken(m.sharpness)}</td>
            <td>{spoken(m.nonUniformity)}</td>
            <td>{m.inRectangle ? 'inside' : 'outside'}</td>
            <td>{verdict(m.stableSGD)}</td>
            <td>{verdict(m.stableGD)}</td>
          </tr>
        ))}
      </tbody>
    </HiddenTable>
  );
}
