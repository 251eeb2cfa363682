import { ladder } from '../charts/ladder';
import type { RunBuffers } from '../sim/run-buffers';
import type { LiveRun } from '../sim/sim-controller';
import { FLOOR, seriesValues } from './series-paths';
/** Runs scanned for the data range (the faint ones drawn are fewer). */
const SCANNED_RUNS = 1200;
const decadeBelow = (v: number) => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number) => 10 ** Math.ceil(Math.log10(v));

/**
 * The burst and distance charts' axes: the data range seen so far (extended by
 * each frame's new points only) and the axes' ranges that follow it in steps —
 * a 1-2-5 ladder in t, whole decades in y — so that most frames keep them
 * (README "The render path"). While a pointer is held they only widen.
 */
export class SeriesRange {
  xMax = 10;
  yLo = 1e-8;
  yHi = 1;
  /** The widest t axis of a drag (pointer-held.ts); kept across the drag's restarts. */
  private heldX = 10;
  private dataLo = Infinity;
  private dataHi = -Infinity;
  private scanned: Record<string, number> = {};
  private epochs: Record<string, number> = {};
  /** Each comparison's run id, so a new one is scanned from its start. */
  private comparedIds: Record<string, number> = {};

  /** A new run: its data range starts empty (the y axis keeps its decades until they move). */
  reset(): void {
    this.xMax = 10;
    this.dataLo = Infinity;
    this.dataHi = -Infinity;
    this.scanned = {};
    this.epochs = {};
    this.comparedIds = {};
  }

  /** Extend the data range with the points recorded since the last frame (all of them after a thinning). */
  scan(run: LiveRun, comparisons: ReadonlyArray<{ label: string; run: LiveRun | null }>, field: 'loss' | 'dist'): void {
    const list: Array<[string, RunBuffers | null]> = [
      ['sgd', run.sgd],
      ['gd', run.gd],
    ];
    for (const c of comparisons) {
      const key = `cmp-${c.label}`;
      const id = c.run?.id ?? -1;
      if (this.comparedIds[key] !== id) {
        this.comparedIds[key] = id;
        this.scanned[key] = 0;
        this.epochs[key] = -1;
      }
      list.push([key, c.run?.sgd ?? null]);
    }
    for (const [which, b] of list) {
      if (!b) continue;
      const arr = seriesValues(b, field);
      const from = b.epoch === this.epochs[which] ? Math.min(this.scanned[which] ?? 0, b.count) : 0;
      const K = Math.min(b.K, SCANNED_RUNS);
      for (let r = 0; r < K; r++)
        for (let j = from; j < b.count; j++) {
          if (!b.alive(r, j)) break;
          const v = arr[r * b.budget + j];
          if (v > FLOOR && Number.isFinite(v)) {
            if (v < this.dataLo) this.dataLo = v;
            if (v > this.dataHi) this.dataHi = v;
          }
        }
      this.scanned[which] = b.count;
      this.epochs[which] = b.epoch;
    }
  }

  /** Move the axes' ranges to the data (only widening while `held`); true when they changed. */
  settle(run: LiveRun, comparisons: ReadonlyArray<{ run: LiveRun | null }>, field: 'loss' | 'dist', held: boolean): boolean {
    let tMax = 1;
    for (const b of [run.sgd, run.gd, ...comparisons.map((c) => c.run?.sgd ?? null)]) if (b && b.count > 0) tMax = Math.max(tMax, b.step[b.count - 1]);
    let lo = this.dataLo;
    let hi = this.dataHi;
    const R = field === 'dist' ? run.info.config.escape : 0;
    if (R > 0) hi = Math.max(hi, R * 1.5);
    if (!(lo < hi)) {
      lo = Math.min(1e-8, lo);
      hi = Math.max(1, hi);
    }
    let nx = ladder(tMax);
    let nHi = decadeAbove(hi * 1.2);
    let nLo = Math.max(decadeBelow(lo / 1.2), nHi * 1e-30);
    if (held) {
      // during a drag the axes only widen: each restarted run is drawn against the same axes
      nx = Math.max(nx, this.heldX);
      nHi = Math.max(nHi, this.yHi);
      nLo = Math.min(nLo, this.yLo);
    }
    this.heldX = nx;
    const changed = nx !== this.xMax || nHi !== this.yHi || nLo !== this.yLo;
    this.xMax = nx;
    this.yHi = nHi;
    this.yLo = nLo;
    return changed;
  }
}
