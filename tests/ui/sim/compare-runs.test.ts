import { afterEach, describe, expect, it } from 'vitest';
import { comparisonConfig } from '../../../src/core/compare';
import { simulateQuery } from '../../../src/core/simulate';
import { RenderLoop } from '../../../src/ui/charts/render-loop';
import { CompareRuns } from '../../../src/ui/sim/compare-runs';
import { swapComparison } from '../../../src/ui/state/compare-actions';
import { simQuery, useExplorer } from '../../../src/ui/state/store';
import { sessionKind } from '../../support/session-worker';

/** A render loop whose frames run when the test says (and on a timer, as a page's would). */
function manualLoop() {
  const queue: Array<() => void> = [];
  const loop = new RenderLoop((fn) => queue.push(fn));
  const timer = setInterval(() => queue.splice(0).forEach((fn) => fn()), 10);
  return { loop, stop: () => clearInterval(timer) };
}

const until = async (pred: () => boolean, ms = 20000) => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

describe('CompareRuns: each comparison a run handle of its own', () => {
  it('runs each entry as its own configuration, with the checksum npm run sim prints for it', async () => {
    useExplorer.getState().loadQuery('problem=toy&eta=0.7&B=1&seed=3&runs=20&steps=300&compare=B:2;eta:0.3');
    const { loop, stop } = manualLoop();
    const kind = sessionKind();
    const cmp = new CompareRuns(loop, kind);
    cleanup.push(() => (cmp.dispose(), stop()));
    await until(() => cmp.runs.length === 2 && cmp.runs.every((r) => r.summary !== null));
    const main = useExplorer.getState().config;
    for (const [i, entry] of ['B:2', 'eta:0.3'].entries()) {
      const run = cmp.runs[i];
      expect(run.label).toBe(['B', 'C'][i]);
      expect(run.query).toBe(simQuery(comparisonConfig(main, entry)));
      expect(run.summary!.sgd!.checksum).toBe(simulateQuery(run.query).runs.sgd!.checksum);
    }
    expect(kind.spawned.length).toBe(2);
  });

  it('swapped with A, a comparison runs the old main configuration; the other keeps its run and worker', async () => {
    useExplorer.getState().loadQuery('problem=toy&eta=0.7&B=1&seed=3&runs=20&steps=300&compare=B:2;eta:0.3');
    const { loop, stop } = manualLoop();
    const kind = sessionKind();
    const cmp = new CompareRuns(loop, kind);
    cleanup.push(() => (cmp.dispose(), stop()));
    await until(() => cmp.runs.length === 2 && cmp.runs.every((r) => r.summary !== null));
    const oldMain = simQuery(useExplorer.getState().config);
    const keptRun = cmp.runs[1].run;
    swapComparison(0);
    expect(useExplorer.getState().config.B).toBe(2);
    await until(() => cmp.runs[0].summary !== null && cmp.runs[0].query !== '' && cmp.runs[0].run?.info.config.B === 1);
    expect(simulateQuery(cmp.runs[0].query).runs.sgd!.checksum).toBe(simulateQuery(oldMain).runs.sgd!.checksum);
    expect(cmp.runs[0].summary!.sgd!.checksum).toBe(simulateQuery(oldMain).runs.sgd!.checksum);
    // The comparison the swap did not concern is the same configuration: its run was kept.
    expect(cmp.runs[1].run).toBe(keptRun);
    expect(kind.spawned.length).toBe(2);
  });

  it('a comparison whose worker dies is named, and the others run on', async () => {
    useExplorer.getState().loadQuery('problem=toy&eta=0.7&B=1&seed=3&runs=20&steps=1000000&compare=B:2;eta:0.3');
    const { loop, stop } = manualLoop();
    const kind = sessionKind();
    const cmp = new CompareRuns(loop, kind);
    cleanup.push(() => (cmp.dispose(), stop()));
    await until(() => cmp.runs.length === 2 && cmp.runs.every((r) => r.run !== null));
    kind.spawned[0].fail('boom');
    await until(() => cmp.runs[0].error !== null);
    expect(cmp.runs[0].error).toMatch(/boom/);
    const t = cmp.runs[1].run!.t;
    await until(() => cmp.runs[1].run!.t > t);
  });
});
