import type { SweepKind, SweepModel } from '../../core/network/sweeps';

/** A measured minimum of a sweep: its value with the estimate's interval (on y, and on x for Fig. 6's a). */
export interface SweepPlotPoint {
  x: number;
  y: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  optimiser: 'gd' | 'sgd';
}

/** A line of the theory at the swept values (2/η, √B/η, 1/(η√c)), dashed, with its label at its right end. */
export interface SweepPlotLine {
  id: string;
  label: string;
  points: Array<[number, number]>;
}

/** A published value drawn as a labelled reference mark: a range in x and y (a point when both ends agree). */
export interface SweepPlotReference {
  label: string;
  x: [number, number];
  y: [number, number];
}

export interface SweepPlotModel {
  title: string;
  xLabel: string;
  yLabel: string;
  xLog: boolean;
  yLog: boolean;
  points: SweepPlotPoint[];
  lines: SweepPlotLine[];
  references: SweepPlotReference[];
  lecture: boolean;
}

/**
 * Wu–Ma–E's Table 2 (GD's sharpness, mean ± sd of 5 runs, at η on FashionMNIST and
 * CIFAR10): the paper's networks and data, not this one's, so only reference marks.
 * (Their η = 0.01 FashionMNIST entry, 53.5, lies far below 2/η = 200, as printed.)
 */
const TABLE2: SweepPlotReference[] = [
  ...([
    [0.01, 53.5, 4.3],
    [0.05, 39.3, 0.5],
    [0.1, 19.6, 0.15],
    [0.5, 3.9, 0],
    [1, 1.9, 0],
    [5, 0.4, 0],
  ] as const).map(([eta, a, sd]) => ({ label: `FashionMNIST, η = ${eta} (Wu Table 2)`, x: [eta, eta] as [number, number], y: [a - sd, a + sd] as [number, number] })),
  ...([
    [0.01, 198.9, 0.6],
    [0.05, 39.8, 0.2],
    [0.1, 19.8, 0.1],
    [0.5, 3.6, 0.4],
  ] as const).map(([eta, a, sd]) => ({ label: `CIFAR10, η = ${eta} (Wu Table 2)`, x: [eta, eta] as [number, number], y: [a - sd, a + sd] as [number, number] })),
];

/** Wu Fig. 6 prints no numbers: ranges read off its scatter plot, approximately (as the diagram's preset marks). */
const FIG6: SweepPlotReference[] = [
  { label: 'GD (read off Wu Fig. 6)', x: [3.3, 3.98], y: [11.7, 13.9] },
  { label: 'SGD B = 4 (read off Wu Fig. 6)', x: [0.67, 0.83], y: [2.14, 2.43] },
];

const byX = (a: [number, number], b: [number, number]) => a[0] - b[0];

/**
 * A sweep's models as a plot: the explorer's own trained minima (estimates with their
 * intervals; runs that did not train are left out, as in the table), the theory's
 * lines at the swept values, and the paper's values as reference marks. Fig. 5 has
 * none: the paper prints no numbers for it beyond two approximate ones in its text at
 * another η.
 */
export function sweepPlotModel(kind: SweepKind, models: readonly SweepModel[], lecture = false): SweepPlotModel {
  const trained = models.flatMap((m) => m.ends.filter((e) => e.trained && e.sharpness && e.nonUniformity).map((e) => ({ m, e, a: e.sharpness!, s: e.nonUniformity! })));
  if (kind === 'table2') {
    const etas = [...new Set(models.map((m) => m.eta)), ...TABLE2.map((r) => r.x[0])];
    const lo = Math.min(...etas);
    const hi = Math.max(...etas);
    return {
      title: 'Table 2 on this network: GD’s sharpness a against η, with 2/η',
      xLabel: 'learning rate η',
      yLabel: 'sharpness a',
      xLog: true,
      yLog: true,
      points: trained.filter((t) => t.e.optimiser === 'gd').map(({ m, a }) => ({ x: m.eta, y: a.value, x0: m.eta, x1: m.eta, y0: a.lower, y1: a.upper, optimiser: 'gd' as const })),
      lines: [{ id: 'two-over-eta', label: '2/η', points: [[lo, 2 / lo], [hi, 2 / hi]] }],
      references: TABLE2,
      lecture,
    };
  }
  if (kind === 'fig5') {
    const line = (id: string, label: string, f: (m: SweepModel) => number | null): SweepPlotLine => ({
      id,
      label,
      points: models.flatMap((m) => {
        const v = f(m);
        return v === null ? [] : [[m.B, v] as [number, number]];
      }).sort(byX),
    });
    return {
      title: 'Fig. 5 on this network: SGD’s non-uniformity s against B, with √B/η and 1/(η√c)',
      xLabel: 'batch size B',
      yLabel: 'non-uniformity s',
      xLog: true,
      yLog: false,
      points: trained.filter((t) => t.e.optimiser === 'sgd').map(({ m, s }) => ({ x: m.B, y: s.value, x0: m.B, x1: m.B, y0: s.lower, y1: s.upper, optimiser: 'sgd' as const })),
      lines: [line('sqrt-b-over-eta', '√B/η', (m) => m.sqrtBOverEta), line('rectangle-top', '1/(η√c)', (m) => m.rectangleTop)],
      references: [],
      lecture,
    };
  }
  const aMax = Math.max(...models.map((m) => m.twoOverEta));
  const tops = new Map<number, number>();
  for (const m of models) if (m.rectangleTop !== null) tops.set(m.B, m.rectangleTop);
  return {
    title: 'Fig. 6 on this network: every trained minimum’s (a, s), with each B’s rectangle top',
    xLabel: 'sharpness a',
    yLabel: 'non-uniformity s',
    xLog: false,
    yLog: false,
    points: trained.map(({ e, a, s }) => ({ x: a.value, y: s.value, x0: a.lower, x1: a.upper, y0: s.lower, y1: s.upper, optimiser: e.optimiser })),
    lines: [
      { id: 'two-over-eta', label: '2/η', points: [[aMax, 0], [aMax, Math.max(0, ...tops.values())]] },
      ...[...tops].sort(byX).map(([B, top]) => ({ id: `top-${B}`, label: `B = ${B}`, points: [[0, top], [aMax, top]] as Array<[number, number]> })),
    ],
    references: FIG6,
    lecture,
  };
}
