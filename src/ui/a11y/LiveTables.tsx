import { useEffect, useState } from 'react';
import { useSim } from '../sim/sim-context';
import { useExplorer } from '../state/store';
import type { LiveRun } from '../sim/live-run';
import type { LiveTable } from './live-tables';

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
    return sim.subscribe((run) => {
      // a paused run can still be stepped (→): its step is part of what it stands at
      const key = run && (run.done || paused) ? `${run.id}|${run.done}|${run.t}` : '';
      setStill((prev) => ((prev?.key ?? '') === key ? prev : key && run ? { run, key } : null));
    });
  }, [sim, paused]);
  return still?.run ?? null;
}

function Table({ table, testId }: { table: LiveTable; testId: string }) {
  return (
    <table className="sr-only" data-testid={testId}>
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
    </table>
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
