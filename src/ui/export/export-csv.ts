import type { RunBuffers } from '../sim/run-buffers';

export const CSV_HEADER = 'run,optimiser,step,loss,distance';

/** The shortest decimal that reads back as the same float32 (the buffers keep float32). */
export function float32Text(v: number): string {
  for (let p = 1; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(Number(v.toPrecision(9)));
}

/**
 * The runs' decimated histories as CSV, one row per run and recorded step:
 * the same points the views draw. Steps after a run diverged have no value
 * and are left out (never written as NaN). The histories keep loss and
 * distance only; coordinates are not recorded per step, so none are written.
 */
export function historiesCsv(runs: { sgd: RunBuffers | null; gd: RunBuffers | null }): string {
  const lines = [CSV_HEADER];
  for (const [name, b] of [['sgd', runs.sgd], ['gd', runs.gd]] as const) {
    if (!b) continue;
    for (let r = 0; r < b.K; r++)
      for (let j = 0; j < b.count; j++) {
        if (!b.alive(r, j)) continue;
        const at = r * b.budget + j;
        lines.push(`${r},${name},${b.step[j]},${float32Text(b.loss[at])},${float32Text(b.dist[at])}`);
      }
  }
  return lines.join('\n') + '\n';
}
