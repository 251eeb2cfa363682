import { beforeEach, describe, expect, it } from 'vitest';
import { createExplorerStore, useExplorer } from '../../../src/ui/state/store';
import { pinCurrent, removeComparison } from '../../../src/ui/state/compare-actions';
import { LINK } from '../../../src/ui/state/link-params';

const decodeLinkDefaults = (p: 'mlp') => LINK.defaults(p);

describe('createExplorerStore(check): the store in three slices', () => {
  it('holds the configuration, the run status and the view state side by side', () => {
    const s = createExplorerStore().getState();
    expect(s.config.problem).toBeTypeOf('string');
    expect(s.status).toMatchObject({ runId: 0, state: 'starting' });
    expect(s).toMatchObject({ paused: false, frame: 0, help: false, drawerOpen: false, historyPush: false });
  });

  it('changes one slice without touching the others (the configuration object stays the same)', () => {
    const store = createExplorerStore();
    const config = store.getState().config;
    const status = store.getState().status;
    store.getState().setDrawerOpen(true);
    store.getState().setHelp(true);
    store.getState().setPaused(true);
    expect(store.getState()).toMatchObject({ drawerOpen: true, help: true, paused: true });
    expect(store.getState().config).toBe(config);
    expect(store.getState().status).toBe(status);
  });

  it('asks the injected check about a typed value, refuses it with its message and keeps the old value', () => {
    const seen: string[] = [];
    const store = createExplorerStore((key, raw) => {
      seen.push(`${key}=${raw}`);
      return key === 'seed' && raw === '13' ? 'seed 13 is refused by the check' : null;
    });
    store.getState().loadQuery('problem=toy&eta=0.7&B=1&seed=1');
    expect(store.getState().setField('seed', '13')).toBe(false);
    expect(store.getState().fieldErrors.seed).toBe('seed 13 is refused by the check');
    expect(store.getState().config.seed).toBe(1);
    expect(store.getState().setField('seed', '12')).toBe(true);
    expect(store.getState().config.seed).toBe(12);
    expect(store.getState().fieldErrors.seed).toBeUndefined();
    expect(seen).toEqual(['seed=13', 'seed=12']);
  });

  it('refuses a value the table refuses before asking the check', () => {
    const seen: string[] = [];
    const store = createExplorerStore((key) => (seen.push(key), null));
    store.getState().loadQuery('problem=toy&eta=0.7&B=1');
    expect(store.getState().setField('eta', 'abc')).toBe(false);
    expect(store.getState().fieldErrors.eta).toMatch(/eta.*kept 0\.7/);
    expect(seen).toEqual([]);
  });
});

describe('historyPush: whether the next write of the link pushes a history entry', () => {
  it('is set by a pushing change, a change of problem and a pushed link, and cleared by historyWritten', () => {
    const store = createExplorerStore();
    const s = () => store.getState();
    s().setConfig({ eta: 0.5 });
    expect(s().historyPush).toBe(false);
    s().setConfig({ eta: 0.6 }, { push: true });
    expect(s().historyPush).toBe(true);
    s().setConfig({ eta: 0.65 });
    expect(s().historyPush).toBe(true); // a replace does not cancel a push not yet written
    s().historyWritten();
    expect(s().historyPush).toBe(false);
    s().setProblem('toy');
    expect(s().historyPush).toBe(true);
    s().historyWritten();
    s().loadQuery('problem=toy&eta=0.9', { push: true });
    expect(s().historyPush).toBe(true);
  });

  it('keeps η, B, runs and steps across a change of problem, unless the new problem brings its own (a network trains at its own)', () => {
    const store = createExplorerStore();
    const s = store.getState;
    s().loadQuery('problem=toy&eta=0.33&B=2&runs=7&steps=99&seed=5');
    s().setProblem('quadratic');
    expect([s().config.eta, s().config.B, s().config.runs, s().config.steps, s().config.seed]).toEqual([0.33, 2, 7, 99, 5]);
    s().setProblem('mlp');
    const own = decodeLinkDefaults('mlp');
    expect([s().config.eta, s().config.B, s().config.runs, s().config.steps]).toEqual([own.eta, own.B, own.runs, own.steps]);
    expect(s().config.seed).toBe(5);
  });

  it('arrives with the configuration in the same change, so a subscriber to the config reads it', () => {
    const store = createExplorerStore();
    const pushes: boolean[] = [];
    const stop = store.subscribe((st, prev) => {
      if (st.config !== prev.config) pushes.push(st.historyPush);
    });
    store.getState().setConfig({ eta: 0.4 });
    store.getState().setConfig({ eta: 0.3 }, { push: true });
    stop();
    expect(pushes).toEqual([false, true]);
  });
});

describe('weights p without replacement on the page, as the worker runs them', () => {
  const WEIGHTED = 'problem=custom&f=0.1*x^2;1.9*x^2;x^2&p=0.5,0.2,0.3&eta=0.9&B=2&sampling=without';

  it('a v=3 link at B < n is repaired to sampling=with, naming p and sampling, so the page’s batch factor is the runs’', () => {
    const store = createExplorerStore(() => null);
    store.getState().loadQuery(`v=3&${WEIGHTED}`);
    expect(store.getState().config.sampling).toBe('with');
    expect(store.getState().link.issues.map((i) => [i.key, /weights p need sampling=with/.test(i.message) && /p and B = 2 < n = 3/.test(i.message)])).toEqual([['sampling', true]]);
  });

  it('a v=2 link keeps sampling=without (it runs as recorded), and so does a v=3 link at B = n or without p', () => {
    const store = createExplorerStore(() => null);
    for (const q of [`v=2&${WEIGHTED}`, `v=3&${WEIGHTED.replace('B=2', 'B=3')}`, `v=3&${WEIGHTED.replace('&p=0.5,0.2,0.3', '')}`]) {
      store.getState().loadQuery(q);
      expect(store.getState().config.sampling, q).toBe('without');
      expect(store.getState().link.issues, q).toEqual([]);
    }
  });

  it('choosing sampling=without on a weighted v=3 link keeps sampling=with and says why beside the sampling control', () => {
    const store = createExplorerStore(() => null);
    store.getState().loadQuery(`v=3&${WEIGHTED.replace('sampling=without', 'sampling=with')}`);
    expect(store.getState().setField('sampling', 'without')).toBe(true);
    expect(store.getState().config.sampling).toBe('with');
    expect(store.getState().fieldErrors.sampling).toMatch(/weights p need sampling=with/);
    expect(store.getState().fieldErrors.B).toBeUndefined();
  });

  it('a comparison that would need it is left out by name, as on the command line', () => {
    const store = createExplorerStore(() => null);
    store.getState().loadQuery(`v=3&${WEIGHTED.replace('sampling=without', 'sampling=with')}&compare=sampling:without;eta:0.5`);
    expect(store.getState().config.compare).toEqual(['eta:0.5']);
    expect(store.getState().link.issues.map((i) => i.message)).toEqual(['compare "sampling:without": weights p need sampling=with for B < n (a batch without replacement cannot follow the weights); got sampling=without with p and B = 2 < n = 3; left out']);
  });

  it('the sampling control (setConfig) and the batch slider say it too, and picking with replacement clears it', () => {
    const store = createExplorerStore(() => null);
    store.getState().loadQuery(`v=3&${WEIGHTED.replace('B=2', 'B=3')}`);
    store.getState().setConfig({ B: 2 });
    expect(store.getState().config.sampling).toBe('with');
    expect(store.getState().fieldErrors.sampling).toMatch(/got sampling=without with p and B = 2 < n = 3/);
    store.getState().setConfig({ sampling: 'with' });
    expect(store.getState().fieldErrors.sampling).toBeUndefined();
    store.getState().setConfig({ sampling: 'without' });
    expect(store.getState().config.sampling).toBe('with');
    expect(store.getState().fieldErrors.sampling).toMatch(/weights p need sampling=with/);
  });
});

describe('the compare actions on the page store', () => {
  beforeEach(() => {
    useExplorer.getState().loadQuery('problem=toy&eta=0.7&B=1&seed=1');
  });

  it('pinCurrent() pins the configuration once and names compare when asked again', () => {
    expect(pinCurrent()).toBe(true);
    expect(useExplorer.getState().config.compare).toHaveLength(1);
    expect(pinCurrent()).toBe(false);
    expect(useExplorer.getState().fieldErrors.compare).toMatch(/already pinned as B/);
    removeComparison(0);
    expect(useExplorer.getState().config.compare).toEqual([]);
    expect(useExplorer.getState().fieldErrors.compare).toBeUndefined();
  });
});
