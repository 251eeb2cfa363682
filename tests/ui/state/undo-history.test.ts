import { beforeEach, describe, expect, it } from 'vitest';
import { useExplorer } from '../../../src/ui/state/store';
import { UNDO_LIMIT, undoHistory, useUndo } from '../../../src/ui/state/undo-history';

const s = () => useExplorer.getState();

describe('undo and redo of the configuration', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    stop();
    s().loadQuery('problem=toy&eta=0.7&B=1&seed=1');
    undoHistory.clear();
    stop = undoHistory.start(null);
  });

  it('undoes and redoes each change, and a new change clears what could be redone', () => {
    s().setConfig({ eta: 0.8 });
    s().setConfig({ B: 2 });
    expect(useUndo.getState()).toEqual({ canUndo: true, canRedo: false });
    expect(undoHistory.undo()).toBe(true);
    expect(s().config).toMatchObject({ eta: 0.8, B: 1 });
    expect(undoHistory.undo()).toBe(true);
    expect(s().config.eta).toBe(0.7);
    expect(useUndo.getState()).toEqual({ canUndo: false, canRedo: true });
    expect(undoHistory.redo()).toBe(true);
    expect(s().config.eta).toBe(0.8);
    s().setConfig({ seed: 5 });
    expect(undoHistory.redo()).toBe(false);
    expect(s().config).toMatchObject({ eta: 0.8, B: 1, seed: 5 });
  });

  it('is a quiet no-op with nothing to undo or redo', () => {
    const before = s().config;
    expect(undoHistory.undo()).toBe(false);
    expect(undoHistory.redo()).toBe(false);
    expect(s().config).toBe(before);
  });

  it('counts the changes of one drag as one entry, and a drag back to the start as none', () => {
    undoHistory.beginGesture();
    for (const eta of [0.71, 0.75, 0.9, 1.1]) s().setConfig({ eta });
    undoHistory.endGesture();
    expect(undoHistory.size.past).toBe(1);
    undoHistory.undo();
    expect(s().config.eta).toBe(0.7);
    undoHistory.redo();
    expect(s().config.eta).toBe(1.1);
    undoHistory.beginGesture();
    s().setConfig({ eta: 1.3 });
    s().setConfig({ eta: 1.1 });
    undoHistory.endGesture();
    expect(undoHistory.size.past).toBe(1);
  });

  it('undoes a preset (a whole new link) with its note', () => {
    s().loadQuery('problem=quadratic&H=0.2;3.8&eta=0.3', { push: true, note: { title: 'A preset', text: 'note' } });
    expect(s().note?.title).toBe('A preset');
    undoHistory.undo();
    expect(s().config).toMatchObject({ problem: 'toy', eta: 0.7 });
    expect(s().note).toBeNull();
  });

  it('keeps at most the last UNDO_LIMIT changes', () => {
    for (let i = 0; i < UNDO_LIMIT + 20; i++) s().setConfig({ seed: 100 + i });
    expect(undoHistory.size.past).toBe(UNDO_LIMIT);
    while (undoHistory.undo());
    expect(s().config.seed).toBe(100 + 19);
  });

  it('does not count the time scrubber, nor a change that leaves the link as it was', () => {
    s().setConfig({ t: 10 });
    s().setConfig({ eta: 0.7 });
    expect(undoHistory.size.past).toBe(0);
  });
});
