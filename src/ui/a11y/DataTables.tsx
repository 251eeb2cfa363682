import { memo } from 'react';
import { etaAt, type PhaseGridSpec } from '../../core/explore/phase-grid';
import { spoken } from './describe-diagram';
import { HiddenTable } from './HiddenTable';

/*
 * The charts' numbers as tables a screen reader can walk (docs/accessibility.md#wording-rules, rule 9):
 * visually hidden, each with a caption saying what it holds. They show the numbers the
 * views already hold; nothing is recomputed.
 */

export interface EscapeRow {
  escaped: number;
  K: number;
  diverged: number;
  interval: [number, number];
  /** The scrubber's step, or null when following the run. */
  at: number | null;
  predicted: Array<{ label: string; step: number | null }>;
}

/** The escape statistics: the measured fraction with its interval, beside the theory's predicted escape times. */
export function EscapeTable({ row }: { row: EscapeRow | null }) {
  if (!row) return null;
  return (
    <HiddenTable testId="escape-table">
      <caption>Escapes of the SGD runs, measured{row.at !== null ? ` by step ${row.at}` : ''}, and predicted escape times from the theory</caption>
      <tbody>
        <tr>
          <th scope="row">escaped (measured)</th>
          <td>
            {row.escaped} of {row.K}
          </td>
        </tr>
        <tr>
          <th scope="row">fraction escaped (measured)</th>
          <td>
            {spoken((100 * row.escaped) / row.K)} %, 95 % interval {spoken(100 * row.interval[0])} to {spoken(100 * row.interval[1])} %
          </td>
        </tr>
        <tr>
          <th scope="row">diverged (measured)</th>
          <td>{row.diverged}</td>
        </tr>
        {row.predicted.map((p) => (
          <tr key={p.label}>
            <th scope="row">predicted escape time from {p.label} (theory)</th>
            <td>{p.step === null ? 'no escape (not growing)' : `about ${spoken(p.step)} steps`}</td>
          </tr>
        ))}
      </tbody>
    </HiddenTable>
  );
}

/**
 * The phase grid's cells, η across and B down, each "k of N escaped". Written once the
 * grid is not being computed (a table re-rendered on every batch of cells would cost the
 * page its frames, and is read after the fact anyway).
 */
export const PhaseTable = memo(function PhaseTable({ grid, escaped, computing }: { grid: PhaseGridSpec; escaped: ArrayLike<number>; computing: boolean }) {
  if (computing) return <p className="sr-only" data-testid="phase-table-pending">The table of the phase grid’s cells follows when the computation stops.</p>;
  const etas = Array.from({ length: grid.etaCount }, (_, i) => etaAt(grid, i));
  return (
    <HiddenTable testId="phase-table">
      <caption>
        Phase grid, measured: SGD runs of {grid.runs} that escaped within {grid.steps} steps, by η (columns) and B (rows)
      </caption>
      <thead>
        <tr>
          <th scope="col">B \ η</th>
          {etas.map((e, i) => (
            <th scope="col" key={i}>
              η {spoken(e)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.batches.map((B, r) => (
          <tr key={B}>
            <th scope="row">B {B}</th>
            {etas.map((_, i) => {
              const v = escaped[r * grid.etaCount + i] ?? -1;
              return <td key={i}>{v >= 0 ? `${v} of ${grid.runs}` : 'not computed'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </HiddenTable>
  );
});
