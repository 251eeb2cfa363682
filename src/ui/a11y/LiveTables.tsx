import { useEffect, useState } from 'react';
import { gestureHeld, onPointerRelease } from '../charts/pointer-held';
import { useSim } from '../sim/sim-context';
import { useExplorer } from '../state/store';
import type { LiveRun } from '../sim/live-run';
import type { LiveTable } from './live-tables';
import { HiddenTable } from './HiddenTable';

/*
 * The live views' data tables (docs/accessibility.md#wording-rules, rule 9): visually hidden,
 * named by their caption, read with a screen reader's table keys. Like the phase grid's, a
 * table is written when the run stands still — done, or paused — and not on every streamed
 * frame (a table re-rendered per frame would cost the charts their frames, and is read after
 * the fact anyway); while the run streams a line says when it follows.
 */

/** The run when it stands still (done or paused), re-rendered once per stop; null while it streams. */
function useStillRun(): LiveRun | null {
  const sim = useSim();
  const paused = useExplorer((s) => s.paused);
  const [still, setStill] = useState<{ run: LiveRun; key: string } | null>(null);
  useEffect(() => {
    if (!sim) return;
    const look = (run: LiveRun | null) => {
      // A paused run can still be stepped (→): its step is part of what it stands at. During a
      // gesture the runs restart ten times a second and some end at once (all diverged): a table
      // of hundreds of cells built and taken down with each was most of a traced drag's layout.
      const key = run && (run.done || paused) && !gestureHeld() ? `${run.id}|${run.done}|${run.t}` : '';
      setStill((prev) => ((prev?.key ?? '') === key ? prev : key && run ? { run, key } : null));
    };
    const off = sim.subscribe(look);
    const offRelease = onPointerRelease(() => look(sim.current));
    return () => {
      off();
      offRelease();
    };
  }, [sim, paused]);
  return still?.run ?? null;
}

function Table({ table, testId }: { table: LiveTable; testId: string }) {
  return (
    <HiddenTable testId={testId}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{table.rowHead}</th>
          {table.columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.head}>
            <th scope="row">{r.head}</th>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </HiddenTable>
  );
}

/** A live view's table of the run, or the line that says it follows when the run stops. */
export function LiveDataTable({ of, testId, what }: { of: (run: LiveRun) => LiveTable; testId: string; what: string }) {
  const run = useStillRun();
  if (!run) {
    return (
      <p className="sr-only" data-testid={`${testId}-pending`}>
        The table of {what} follows when the run ends or is paused.
      </p>
    );
  }
  return <Table table={of(run)} testId={testId} />;
}
