import { describe, expect, it } from 'vitest';
import { CURVE_ROWS, LANDSCAPE_MINIMA, evenIndices, landscapeTable, seriesTable, type TabledRuns } from '../../../src/ui/a11y/live-tables';

describe('evenIndices: the recorded steps a curve’s table shows', () => {
  it('keeps every point of a short curve', () => {
    expect(evenIndices(4)).toEqual([0, 1, 2, 3]);
  });

  it('spreads a long curve over at most CURVE_ROWS rows, the first and the last always in', () => {
    const rows = evenIndices(129);
    expect(rows).toHaveLength(CURVE_ROWS);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(128);
    expect(rows.every((j, i) => i === 0 || j > rows[i - 1])).toBe(true);
  });

  it('gives nothing for an empty curve', () => {
    expect(evenIndices(0)).toEqual([]);
  });
});

describe('seriesTable: the escape burst’s and the distance chart’s numbers by step', () => {
  const sgd: TabledRuns = {
    step: [0, 10, 20],
    mean: [0.01, 0.5, 4.56],
    median: [0.01, 0.2, 5],
    escapeStep: [10, 20, -1, 15],
    divergedStep: [-1, -1, -1, -1],
  };
  const gd: TabledRuns = { step: [0, 10, 20], mean: [0.01, 0.01, 0.01], escapeStep: [-1], divergedStep: [-1] };

  it('lists the mean and median loss, GD’s loss and how many runs had escaped by each step', () => {
    const t = seriesTable({ field: 'loss', eta: 0.7, B: 1, sgd, gd, done: true });
    expect(t.rowHead).toBe('step');
    expect(t.columns).toEqual(['SGD mean loss', 'SGD median loss', 'GD loss', 'SGD runs escaped']);
    expect(t.rows).toEqual([
      { head: 'step 0', cells: ['0.01', '0.01', '0.01', '0 of 4'] },
      { head: 'step 10', cells: ['0.5', '0.2', '0.01', '1 of 4'] },
      { head: 'step 20', cells: ['4.56', '5', '0.01', '3 of 4'] },
    ]);
    expect(t.caption).toBe('Escape burst: the loss of 4 SGD runs and GD at η 0.7 and B 1, by recorded step');
  });

  it('adds the theory’s lines at each step to the distance table, and says R and that the run goes on', () => {
    const t = seriesTable({ field: 'dist', eta: 0.7, B: 1, sgd, gd, theory: [{ short: 'ρ^{t/2}', y0: 0.1, rate: Math.log(2) / 10 }], radius: 2, done: false });
    expect(t.columns).toEqual(['SGD mean distance', 'SGD median distance', 'GD distance', 'theory ρ^{t/2}']);
    expect(t.rows.map((r) => r.cells[3])).toEqual(['0.1', '0.2', '0.4']);
    expect(t.caption).toContain('escape radius R = 2 (so far)');
  });

  it('says where GD diverged instead of a number, and when every SGD run has diverged', () => {
    const dead = { ...sgd, divergedStep: [10, 10, 10, 10] };
    const gone = { ...gd, divergedStep: [10] };
    const t = seriesTable({ field: 'loss', eta: 3, B: 1, sgd: dead, gd: gone, done: true });
    expect(t.rows[0].cells.slice(0, 3)).toEqual(['0.01', '0.01', '0.01']);
    expect(t.rows[1].cells.slice(0, 3)).toEqual(['0.5', '0.2', 'diverged at step 10']);
    expect(t.rows[2].cells.slice(0, 3)).toEqual(['all 4 diverged', 'all 4 diverged', 'diverged at step 10']);
  });

  it('names a single run’s curve without mean or median', () => {
    const one: TabledRuns = { step: [0, 10], mean: [1, 2], escapeStep: [-1], divergedStep: [-1] };
    const t = seriesTable({ field: 'loss', eta: 0.1, B: 1, sgd: one, gd: null, done: true });
    expect(t.columns).toEqual(['SGD loss', 'SGD runs escaped']);
    expect(t.caption).toContain('of 1 SGD run at');
  });
});

describe('landscapeTable: the minima and where the runs are', () => {
  const minima = [
    { label: 'x* = 0', x: [0, 0], stableSGD: true, stableGD: true, saddle: false },
    { label: 'x* = 1', x: [1, -2.5], stableSGD: false, stableGD: true, saddle: false },
  ];

  it('lists each minimum at the drawn coordinates with its verdicts, then run 0 and GD', () => {
    const t = landscapeTable({ eta: 0.7, B: 1, axes: ['x', 'y'], coords: [0, 1], minima, run0: { x: [3.14159, 2], escapeStep: 37, divergedStep: -1 }, gd: { x: [1, -2.5], escapeStep: -1, divergedStep: -1 }, step: 200, done: true });
    expect(t.rowHead).toBe('point');
    expect(t.columns).toEqual(['x', 'y', 'status']);
    expect(t.rows).toEqual([
      { head: 'minimum x* = 0', cells: ['0', '0', 'stable for SGD, stable for GD'] },
      { head: 'minimum x* = 1', cells: ['1', '−2.5', 'unstable for SGD, stable for GD'] },
      { head: 'SGD run 0, at the end, step 200', cells: ['3.14', '2', 'escaped at step 37'] },
      { head: 'GD, at the end, step 200', cells: ['1', '−2.5', 'has not escaped'] },
    ]);
  });

  it('reads the chosen coordinates of a point beyond two dimensions, and says a diverged run has no place', () => {
    const t = landscapeTable({ eta: 1, B: 2, axes: ['x2', 'x3'], coords: [1, 2], minima: [{ label: 'm', x: [9, 8, 7], stableSGD: null, stableGD: false, saddle: false }], run0: { x: [0, 0, 0], escapeStep: 3, divergedStep: 5 }, gd: null, step: 9, done: false });
    expect(t.rows[0].cells).toEqual(['8', '7', 'undecided for SGD, unstable for GD']);
    expect(t.rows[1]).toEqual({ head: 'SGD run 0, at step 9', cells: ['—', '—', 'diverged at step 5'] });
  });

  it('keeps to the first LANDSCAPE_MINIMA minima and says how many there are', () => {
    const many = Array.from({ length: LANDSCAPE_MINIMA + 5 }, (_v, i) => ({ label: String(i), x: [i], stableSGD: true, stableGD: true, saddle: false }));
    const t = landscapeTable({ eta: 1, B: 1, axes: ['x'], coords: [0], minima: many, run0: null, gd: null, step: 0, done: true });
    expect(t.rows).toHaveLength(LANDSCAPE_MINIMA);
    expect(t.caption).toContain(`the first ${LANDSCAPE_MINIMA} of ${LANDSCAPE_MINIMA + 5} minima`);
  });
});
