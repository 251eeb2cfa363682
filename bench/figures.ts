/**
 * The report's rows: every measured figure with its unit, its target where the
 * project sets one, whether it is met, and how far it is from it. The
 * console table and the README table are both printed from these rows.
 */
import { ENGINE_PROBLEMS, type EngineFigures, type Throughput } from './engine';
import { CLIP_TARGETS, type EngineProblemKey } from './options';
import type { PageWindow } from './options';
import { DRAG_KEYS, DRAGS, STREAM_KEYS, STREAMS, type DragFigures, type PageFigures, type Profile, type WindowFigures } from './page';
import { PRESENTER_TARGET_MS } from './presenter';
import type { NativeEnsembleFigure, NativeFigure, NumpyFigures } from './references';
import { isSkipped, quantile, type Skipped, type Stat } from './stat';
import type { NetworkFigures } from './network';
import type { TheoryFigures } from './theory';

export interface Target {
  op: '>=' | '<=';
  value: number;
  /** How the target reads, in the figure's unit ("≥ 100 M steps/s"). */
  text: string;
}

export interface Figure {
  id: string;
  group: 'engine' | 'reference' | 'theory' | 'network' | 'page';
  label: string;
  /** The median (or the single value) in `unit`; null when skipped. */
  value: number | null;
  unit: string;
  /** The value as printed, or "skipped: why". */
  display: string;
  target?: Target;
  /** Against the target; null without a target or when skipped. */
  met: boolean | null;
  /** value ÷ target ("0.82× target"), or a comparison with a reference. */
  ratio?: string;
  note?: string;
}

export interface Measured {
  engine: EngineFigures;
  native: { compiler: string; flags: string[]; toySgd: NativeFigure; circleGd: NativeFigure } | Skipped;
  /** bench/ref.c's quadratic-circle SGD ensemble with histories (absent in reports made before it existed). */
  nativeEnsemble?: NativeEnsembleFigure | Skipped;
  numpy: NumpyFigures | Skipped;
  theory: TheoryFigures;
  /** bench/network.ts (absent in reports made before it was part of the bench). */
  network?: NetworkFigures | Skipped;
  page: PageFigures | Skipped;
}

/** Significant digits for printing, without exponent notation for everyday sizes. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(digits)).toString();
}

function row(
  id: string,
  group: Figure['group'],
  label: string,
  value: number | Skipped,
  unit: string,
  target?: Omit<Target, 'text'> & { text?: string },
  extra: { ratio?: string; note?: string } = {},
): Figure {
  const t: Target | undefined = target && { ...target, text: target.text ?? `${target.op === '>=' ? '≥' : '≤'} ${fmt(target.value)} ${unit}`.trim() };
  if (isSkipped(value)) return { id, group, label, value: null, unit, display: `skipped: ${value.skipped}`, target: t, met: null, ...extra };
  const met = t ? (t.op === '>=' ? value >= t.value : value <= t.value) : null;
  const ratio = extra.ratio ?? (t && t.value !== 0 && unit !== '×' ? `${fmt(value / t.value, 2)}× target` : undefined);
  const display = unit === '×' ? `${fmt(value, 2)}×` : `${fmt(value)} ${unit}`.trim();
  return { id, group, label, value, unit, display, target: t, met, ...extra, ratio };
}

const mega = (s: Stat) => s.median / 1e6;

/**
 * A figure measured in several fresh processes (bench/processes.ts): the median over
 * them as the value, min and max beside it, and the target held at the worst process
 * (the minimum for a ≥ target, the maximum for a ≤ target).
 */
function spreadRow(id: string, group: Figure['group'], label: string, s: Stat, scale: number, unit: string, target?: Omit<Target, 'text'> & { text?: string }, extra: { note?: string } = {}): Figure {
  const med = s.median / scale;
  const lo = s.min / scale;
  const hi = s.max / scale;
  const base = row(id, group, label, med, unit, undefined, extra);
  const u = unit === '×' ? '×' : ` ${unit}`;
  const display = `${fmt(med, 3)}${u} (min ${fmt(lo, 3)}, max ${fmt(hi, 3)}, ${s.samples.length} processes)`;
  if (!target) return { ...base, display };
  const t: Target = { ...target, text: target.text ?? `${target.op === '>=' ? '≥' : '≤'} ${fmt(target.value)}${u}`.trim() };
  const worst = t.op === '>=' ? lo : hi;
  const met = t.op === '>=' ? worst >= t.value : worst <= t.value;
  return { ...base, display, target: t, met, ratio: `worst process ${fmt(worst / t.value, 2)}× target` };
}

function engineRows(e: EngineFigures): Figure[] {
  const out: Figure[] = [];
  const keys = Object.keys(e.sgd) as EngineProblemKey[];
  for (const k of keys) {
    const t = k === 'toy' ? { op: '>=' as const, value: 100 } : undefined;
    out.push(spreadRow(`engine.sgd.${k}`, 'engine', `SGD steps/s, ${ENGINE_PROBLEMS[k].label}, B = 1`, e.sgd[k].stepsPerSecond, 1e6, 'M/s', t));
  }
  for (const k of keys) {
    const t = k === 'circle' ? { op: '>=' as const, value: 2 } : undefined;
    const perComponent = k === 'toy' || k === 'customToy' ? 2 : k === 'quadratic' ? 1000 : k === 'circle' ? 50 : 200;
    out.push(
      spreadRow(`engine.gd.${k}`, 'engine', `GD steps/s, ${ENGINE_PROBLEMS[k].label}`, e.gd[k].stepsPerSecond, 1e6, 'M/s', t, {
        note: `${fmt(mega(e.gd[k].stepsPerSecond) * perComponent)} M component gradients/s`,
      }),
    );
  }
  const ens = e.ensemble;
  out.push(
    spreadRow('engine.ensemble', 'engine', `SGD ensemble ${ens.runs} runs × ${ens.steps} steps, quadratic-circle Model 1 (histories of ${ens.hist} points, as the page keeps)`, ens.seconds, 1, 's', {
      op: '<=',
      value: 0.025,
    }),
  );
  const bare = e.ensembleNoHistory;
  out.push(spreadRow('engine.ensemble.bare', 'engine', `the same ensemble without histories (stepping only)`, bare.seconds, 1, 's'));
  // A compiled custom toy should step within a small factor of the built-in one.
  out.push(row('engine.custom.ratio', 'engine', 'built-in toy ÷ the toy typed as formulas, SGD steps/s', e.sgd.toy.stepsPerSecond.median / e.sgd.customToy.stepsPerSecond.median, '×', undefined, { note: 'ratio of medians: how many times slower the formula tape steps' }));
  return out;
}

function ratioRow(id: string, label: string, value: number | Skipped, aim: number, note: string): Figure {
  return row(id, 'reference', label, value, '×', { op: '>=', value: aim, text: `≥ ${aim}×` }, { note });
}

/** A build file's name without Vite's content hash, so the README does not change with every build. */
const unhashed = (file: string) => file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '.js');
const same = (f: NativeFigure) => (f.matchesEngine ? 'ends at the engine’s x bit for bit' : 'DOES NOT end at the engine’s x');
const med = (s: Stat | Skipped): number | Skipped => (isSkipped(s) ? s : s.median);

/** engine ÷ native from samples taken alternately, over the processes; ≥ 0.5× held at the worst process. */
function pairedSpread(id: string, label: string, t: Throughput): Figure {
  return t.paired
    ? spreadRow(id, 'reference', label, t.paired.ratio, 1, '×', { op: '>=', value: 0.5, text: '≥ 0.5×' }, { note: 'per process: the median of samples taken alternately with the engine’s' })
    : ratioRow(id, label, { skipped: 'not paired' }, 0.5, '');
}

function referenceRows(m: Measured): Figure[] {
  const out: Figure[] = [];
  const n = m.native;
  if (isSkipped(n)) {
    out.push(row('ref.native', 'reference', 'native C (gcc -O3)', n, ''));
  } else {
    out.push(spreadRow('ref.native.toy', 'reference', 'native C, toy SGD steps/s', n.toySgd.stepsPerSecond, 1e6, 'M/s', undefined, { note: same(n.toySgd) }));
    out.push(pairedSpread('ratio.native.toy', 'engine ÷ native, toy SGD', m.engine.sgd.toy));
    out.push(spreadRow('ref.native.circleGd', 'reference', 'native C, quadratic-circle GD steps/s', n.circleGd.stepsPerSecond, 1e6, 'M/s', undefined, { note: same(n.circleGd) }));
    out.push(pairedSpread('ratio.native.circleGd', 'engine ÷ native, quadratic-circle GD', m.engine.gd.circle));
  }
  const ne = m.nativeEnsemble;
  if (ne !== undefined) {
    if (isSkipped(ne)) out.push(row('ref.native.ensemble', 'reference', 'native C, quadratic-circle SGD ensemble', ne, ''));
    else {
      out.push(
        row('ref.native.ensemble', 'reference', `native C, quadratic-circle SGD ensemble ${ne.runs} × ${ne.steps} with histories of ${ne.hist} points`, ne.seconds.median, 's', undefined, {
          note: ne.matchesEngine ? 'every run ends at the engine’s x bit for bit' : 'DOES NOT end at the engine’s x',
        }),
      );
      out.push(row('ratio.native.ensemble', 'reference', 'native time ÷ engine time, quadratic-circle ensemble with histories', ne.seconds.median / m.engine.ensemble.seconds.median, '×', undefined, { note: 'ratio of medians (1× = as fast as C)' }));
    }
  }
  const np = m.numpy;
  if (isSkipped(np)) {
    out.push(row('ref.numpy', 'reference', 'NumPy', np, ''));
  } else {
    out.push(row('ref.numpy.toy', 'reference', `NumPy, toy SGD ensemble (${np.toy.runs} runs vectorised), steps/s`, mega(np.toy.stepsPerSecond), 'M/s'));
    out.push(ratioRow('ratio.numpy.toy', 'engine ÷ NumPy, toy SGD steps/s', m.engine.sgd.toy.stepsPerSecond.median / np.toy.stepsPerSecond.median, 3, 'ratio of medians'));
    out.push(row('ref.numpy.circle', 'reference', `NumPy, quadratic-circle ensemble ${np.circle.runs} × ${np.circle.steps} (no histories)`, np.circle.seconds.median, 's'));
    out.push(ratioRow('ratio.numpy.circle', 'NumPy time ÷ engine time, quadratic-circle ensemble', np.circle.seconds.median / m.engine.ensemble.seconds.median, 5, 'ratio of medians; engine with histories'));
  }
  return out;
}

function theoryRows(t: TheoryFigures): Figure[] {
  const out: Figure[] = [];
  for (const r of t.rho) {
    out.push(row(`theory.rho.d${r.d}`, 'theory', `ρ(𝒯), random quadratic d = ${r.d}, n = ${r.n}`, r.seconds.median * 1e3, 'ms', r.d === 30 ? { op: '<=', value: 50 } : undefined, { note: r.method }));
  }
  for (const r of t.rho) out.push(row(`theory.patel.d${r.d}`, 'theory', `Patel's bounds, d = ${r.d}, n = ${r.n}`, r.patelSeconds.median * 1e3, 'ms'));
  for (const r of t.rho) {
    out.push(row(`theory.minimum.d${r.d}`, 'theory', `whole theory of the minimum (ρ, Λ, Patel, …), d = ${r.d}`, r.minimumSeconds.median * 1e3, 'ms'));
  }
  const a = t.atlas;
  out.push(row('theory.atlas', 'theory', `minima atlas, Styblinski–Tang, ${a.minima} minima`, a.seconds.median, 's', undefined, { note: `${fmt((a.seconds.median / a.minima) * 1e3)} ms a minimum` }));
  const g = t.phaseGrid;
  // Reports from before the kernels have no loop: they ran TypeScript.
  const loop = g.loop ?? 'TypeScript';
  const gridName = `phase grid ${g.spec.etaCount} η × ${g.spec.batches.length} B × ${g.spec.runs} runs × ${g.spec.steps} steps, toy with n = ${g.spec.batches.at(-1)}, one thread`;
  // Issue 26's target: ≤ 1 s of one core in Node, with the 1D cell loop in WebAssembly (src/core/kernels).
  out.push(row(`theory.phaseGrid`, 'theory', `${gridName} (${loop})`, g.seconds.median, 's', { op: '<=', value: 1 }, { note: `cells computed by ${loop}` }));
  // (older reports have no TypeScript figure beside it)
  const ts = (t as Partial<TheoryFigures>).phaseGridTs;
  if (ts) {
    out.push(
      row(`theory.phaseGrid.typescript`, 'theory', `the same grid on the TypeScript loop`, ts.seconds.median, 's', undefined, {
        note: `the kernel is ${fmt(ts.seconds.median / g.seconds.median)}× as fast; the same ${g.escaped} escapes`,
      }),
    );
  }
  // (older reports have no switch-point figure)
  const sw = (t as Partial<TheoryFigures>).switchTheory;
  if (sw) {
    out.push(row('theory.switch', 'theory', `switch-point theory (μ₀, ‖H‖_F, a, s), dln with n = ${sw.n}, all its pieces`, sw.seconds.median * 1e3, 'ms'));
    out.push(
      row('theory.switch.piece', 'theory', 'its longest piece as the simulation worker runs it', sw.longestPieceMs, 'ms', { op: '<=', value: 50 }, { note: `${sw.pieces} pieces; the worker yields between slices of 5 ms` }),
    );
  }
  return out;
}

const ms = (v: number) => `${fmt(v)} ms`;
const profileText = (p: Profile) =>
  `profile (main thread, per second): script ${fmt(p.scriptMsPerS)} ms, layout ${fmt(p.layoutMsPerS)} ms (${fmt(p.layoutsPerS)} layouts), style ${fmt(p.styleMsPerS)} ms, all tasks ${fmt(p.taskMsPerS)} ms`;
const notStreaming = (w: WindowFigures): Skipped => ({ skipped: `the run was not streaming through the window (state ${w.state.join(' → ')}, t ${w.t.join(' → ')})` });
const span = (w: PageWindow) => `${w.startS}–${w.startS + w.seconds} s`;

/** Issue 21's targets for the page: a frame every 60 Hz vsync while streaming or dragging, the new run's first point within two frames. */
export const PAGE_TARGETS = {
  /** Frame interval p95 while streaming (no input) and while dragging, ms. */
  frameP95: 17,
  /** Frame interval p95 with 1000 runs streaming, ms. */
  manyRunsP95: 33,
  /** Parameter change → first point of the new run on screen, p95, ms. */
  firstPoint: 33,
  /** The worst pointer, input or key event of a drag (Event Timing duration: its Interaction to Next Paint), ms. */
  inp: 50,
  /** Mouse moves the page accepts while dragged at 60 a second, a second. */
  movesPerSecond: 50,
} as const;

const notMeasured: Skipped = { skipped: 'not measured (a report from before the drag figures)' };

/**
 * A drag's rows: frame p95, tasks over 50 ms, the moves the page accepted a second and
 * its worst event; the starts sent to the worker and the profile in the notes. ↑ held
 * down (keys) is held to the frame target only.
 */
function dragRows(id: string, what: string, d: DragFigures | Skipped, keys = false): Figure[] {
  const sent = isSkipped(d) ? '' : `${d.moves} ${keys ? 'key presses' : 'mouse moves'} sent in ${fmt(d.seconds, 2)} s`;
  const a = isSkipped(d) ? undefined : d.accepted;
  const st = isSkipped(d) ? undefined : d.starts;
  const coalesced =
    a && st && st.before !== null && st.after !== null
      ? `${a.moves} ${keys ? 'keydowns' : 'pointer moves'} and ${a.inputs} slider inputs accepted, the corner redrawn with a new η or B ${a.cornerChanges}×, ${st.after - st.before} starts sent to the worker (window.explorer.sim.starts ${st.before} → ${st.after})`
      : a
        ? `${a.moves} ${keys ? 'keydowns' : 'pointer moves'} and ${a.inputs} slider inputs accepted (the page keeps no count of its starts)`
        : undefined;
  const eta = !isSkipped(d) && d.eta ? `η ${fmt(d.eta[0])} → ${fmt(d.eta[1])}` : undefined;
  const frameNote = isSkipped(d)
    ? undefined
    : [`p50 ${ms(d.intervalMs.p50)}, max ${ms(d.intervalMs.max)} over ${d.frames} frames`, sent, coalesced, eta, `state at the start ${d.stateAtStart}`, profileText(d.profile)].filter(Boolean).join('; ');
  const inp = isSkipped(d) ? d : (d.inp ?? notMeasured);
  const inpRow = row(`${id}.inp`, 'page', `worst event (Interaction to Next Paint, Event Timing API), ${what}`, isSkipped(inp) ? inp : (inp.worstMs ?? 16), 'ms', keys ? undefined : { op: '<=', value: PAGE_TARGETS.inp }, {
    note: isSkipped(inp) ? undefined : inp.worstMs === null ? 'no event reached the 16 ms threshold' : `${inp.worstName}; ${inp.events} events of 16 ms or more`,
  });
  const accepted: number | Skipped = isSkipped(d) ? d : a ? a.perSecond : notMeasured;
  return [
    row(`${id}.p95`, 'page', `frame interval p95, ${what}`, isSkipped(d) ? d : d.intervalMs.p95, 'ms', { op: '<=', value: PAGE_TARGETS.frameP95 }, { note: frameNote }),
    row(`${id}.longTasks`, 'page', `main-thread tasks over 50 ms, ${what}`, isSkipped(d) ? d : d.longTasks.count, '', keys ? undefined : { op: '<=', value: 0, text: '0' }, {
      ratio: isSkipped(d) ? undefined : `longest ${ms(d.longTasks.maxMs)}`,
    }),
    row(`${id}.moves`, 'page', `${keys ? 'keydowns' : 'mouse moves'} the page accepted, a second, ${what}`, accepted, '/s', keys ? undefined : { op: '>=', value: PAGE_TARGETS.movesPerSecond }, {
      note: isSkipped(d) ? undefined : `${sent}; counted in the page (events it dispatched)`,
    }),
    isSkipped(inp) ? inpRow : { ...inpRow, display: inp.worstMs === null ? '< 16 ms' : inpRow.display },
  ];
}

/** Frame p95 and long tasks of one window of a stream, with its throughput and profile in the notes. */
function windowRows(id: string, what: string, w: WindowFigures | Skipped, p95Target: number): Figure[] {
  const value = (f: (x: WindowFigures) => number): number | Skipped => (isSkipped(w) ? w : w.streaming ? f(w) : notStreaming(w));
  const note = isSkipped(w)
    ? undefined
    : [
        `p50 ${ms(w.intervalMs.p50)}, max ${ms(w.intervalMs.max)} over ${w.frames} frames in ${fmt(w.startS, 2)}–${fmt(w.startS + w.seconds, 2)} s`,
        `t ${w.t[0]} → ${w.t[1]}, ${w.runStepsPerSecond >= 1e5 ? `${fmt(w.runStepsPerSecond / 1e6)} M` : fmt(w.runStepsPerSecond)} run-steps/s`,
        w.renderMsPerFrame === null ? null : `render loop ${ms(w.renderMsPerFrame)} a frame`,
        profileText(w.profile),
      ]
        .filter(Boolean)
        .join('; ');
  return [
    row(`${id}.p95`, 'page', `frame interval p95, ${what}`, value((x) => x.intervalMs.p95), 'ms', { op: '<=', value: p95Target }, { note }),
    row(`${id}.longTasks`, 'page', `main-thread tasks over 50 ms, ${what}`, value((x) => x.longTasks.count), '', { op: '<=', value: 0, text: '0' }, {
      ratio: isSkipped(w) ? undefined : `longest ${ms(w.longTasks.maxMs)}`,
    }),
  ];
}

export function pageRows(p: PageFigures | Skipped): Figure[] {
  if (isSkipped(p)) return [row('page', 'page', 'the page in Chromium', p, '')];
  const out: Figure[] = [];
  const b = p.bundle;
  const sz = p.sizes;
  out.push(row('page.initialJs', 'page', 'initial JavaScript (gzip)', b.initialGzipBytes / 1000, 'kB', { op: '<=', value: 250 }));
  const mathjs = row('page.mathjs', 'page', 'mathjs in the initial JavaScript', b.mathjsInInitial ? 1 : 0, '', { op: '<=', value: 0, text: 'no' }, {
    ratio: b.mathjsInInitial ? 'present' : `lazy: ${[...new Set(b.mathjsChunks.map(unhashed))].join(', ') || 'not bundled'}`,
  });
  out.push({ ...mathjs, display: b.mathjsInInitial ? 'yes' : 'no' });
  out.push(row('page.firstPaint', 'page', 'first paint of the diagram (navigation start → frame)', med(p.firstPaintMs), 'ms', { op: '<=', value: 1500 }));
  const pg = p.phaseGrid ?? { skipped: 'not measured by this version of the bench' };
  // Issue 26's target: the 40 × 40 × 100 × 200 grid in ≤ 0.5 s in the page on this two-core machine.
  out.push(
    row('page.phaseGrid', 'page', "phase grid 40 η × 40 B × 100 runs × 200 steps, toy with n = 40, opened by a link: from the grid's start (with the page's load) to done", isSkipped(pg) ? pg : pg.ms.median, 'ms', { op: '<=', value: 500 }, {
      note: isSkipped(pg) ? undefined : `${pg.kernel || 'kernel not reported'}, ${pg.workers} workers; median of ${pg.ms.samples.length} loads; the workers start with the page`,
    }),
  );
  const nav: Stat | Skipped = isSkipped(pg) ? pg : (pg.fromNavigation ?? { skipped: 'not measured by this version of the bench' });
  out.push(
    row('page.phaseGrid.navigation', 'page', 'the same, from navigation start (the page loads and renders, then the grid runs)', isSkipped(nav) ? nav : nav.median, 'ms', undefined, {
      note: isSkipped(nav) ? undefined : `median of ${nav.samples.length} loads, min ${nav.min.toFixed(0)}, max ${nav.max.toFixed(0)}`,
    }),
  );
  const again: Stat | Skipped = isSkipped(pg) ? pg : (pg.again ?? { skipped: 'not measured by this version of the bench' });
  out.push(
    row('page.phaseGrid.again', 'page', 'the same grid from its Start button in the loaded page', isSkipped(again) ? again : again.median, 'ms', { op: '<=', value: 500 }, {
      note: isSkipped(again) ? undefined : `median of ${again.samples.length} (3 a load), min ${again.min.toFixed(0)}, max ${again.max.toFixed(0)}`,
    }),
  );
  // The compute issue's target: `dln` (n = 200, k = 500) and `random` at d = 30 stream ≤ 0.5 s after the toy.
  const ls = p.largeStart ?? { skipped: 'not measured by this version of the bench' };
  const largeLabels = { dln: 'dln with n = 200, k = 500 (1,000 weights)', random: 'random with d = 30', features: 'features with n = 200, p = 1,000' } as const;
  for (const k of ['dln', 'random', 'features'] as const) {
    const after: number | Skipped = isSkipped(ls) ? ls : ls[k].median - ls.toy.median;
    out.push(
      row(`page.largeStart.${k}`, 'page', `${largeLabels[k]}: first streamed point after the toy's, from navigation (medians)`, after, 'ms', k === 'features' ? undefined : { op: '<=', value: 500 }, {
        note: isSkipped(ls) ? undefined : `${ms(ls[k].median)} against the toy's ${ms(ls.toy.median)}; median of ${ls[k].samples.length} loads each, interleaved; min ${ms(ls[k].min)}, max ${ms(ls[k].max)}`,
      }),
    );
  }

  for (const k of STREAM_KEYS) {
    const label = `${STREAMS[k].label}, 200 runs × 10⁷ steps`;
    const s = p.stream[k];
    const early: WindowFigures | Skipped = isSkipped(s) ? s : s.early;
    const late: WindowFigures | Skipped = isSkipped(s) ? s : s.late;
    out.push(...windowRows(`page.stream.${k}.early`, `${label} streaming, no input, ${span(sz.early)} into the run`, early, PAGE_TARGETS.frameP95));
    out.push(...windowRows(`page.stream.${k}.late`, `${label} streaming, no input, ${span(sz.late)} into the run`, late, PAGE_TARGETS.frameP95));
    const growth: number | Skipped = isSkipped(early) ? early : isSkipped(late) ? late : !early.streaming ? notStreaming(early) : !late.streaming ? notStreaming(late) : late.intervalMs.p95 / early.intervalMs.p95;
    const renderGrowth = !isSkipped(early) && !isSkipped(late) && early.renderMsPerFrame !== null && late.renderMsPerFrame !== null ? late.renderMsPerFrame / early.renderMsPerFrame : null;
    out.push(
      row(`page.stream.${k}.growth`, 'page', `${label}: frame p95 late ÷ early (the cost must not grow with t)`, growth, '×', undefined, {
        note: renderGrowth === null ? 'the page keeps no render-loop account (window.explorer.render)' : `render-loop work per frame late ÷ early: ${fmt(renderGrowth, 2)}×`,
      }),
    );
    const t = p.throughput[k];
    out.push(
      row(`page.throughput.${k}`, 'page', `throughput, ${label}: the page's run-steps/s (views shown) ÷ the same ensemble's in Node`, isSkipped(t) ? t : t.pageRunStepsPerSecond / t.ensemble.runStepsPerSecond, '×', { op: '>=', value: 0.5, text: '≥ 0.5×' }, {
        note: isSkipped(t)
          ? undefined
          : `page ${fmt(t.pageRunStepsPerSecond / 1e6)} M run-steps/s; Node: the ensemble stepped directly ${fmt(t.ensemble.runStepsPerSecond / 1e6)} M, through the worker's session code (fake host, frames acked at once) ${fmt(t.session.runStepsPerSecond / 1e6)} M (page ÷ session ${fmt(t.pageRunStepsPerSecond / t.session.runStepsPerSecond, 2)}×)`,
      }),
    );
  }

  // The drags README "Performance" reports, mouse moves at 60 a second.
  for (const k of DRAG_KEYS) out.push(...dragRows(`page.drag.${k}`, `${DRAGS[k].label} by mouse moves for ${sz.dragSeconds} s`, p.drag[k] ?? notMeasured));
  out.push(...dragRows('page.hold', `toy, 200 runs × 10⁷ steps, ↑ held down on the page for ${sz.holdSeconds ?? 3} s (key repeat at 30 a second)`, p.hold ?? notMeasured, true));

  const dt = p.drag.etaToy ?? notMeasured;
  out.push(
    row('page.repaint', 'page', 'η slider input → repaint of the rectangle, p95, in frames (toy, η dragged)', isSkipped(dt) ? dt : dt.repaintFrames.p95, 'frames', { op: '<=', value: 1, text: '≤ 1 frame' }, {
      note: isSkipped(dt) ? undefined : `${fmt(dt.repaintMs.p50)} ms p50, ${fmt(dt.repaintMs.p95)} ms p95 from the input event, max ${fmt(dt.repaintFrames.max)} frames over ${dt.repaintMs.inputs} inputs (${dt.repaintMs.unpainted} not repainted before the next input)`,
    }),
  );
  out.push(...windowRows('page.manyRuns', `toy, 1000 runs × 10⁷ steps streaming, ${span(sz.manyRuns)} into the run`, p.manyRuns, PAGE_TARGETS.manyRunsP95).map((f) => (f.id === 'page.manyRuns.longTasks' ? { ...f, target: undefined, met: null } : f)));
  // The network issue's target: GD trains the default network to loss < 1e-4 in the page's worker in ≤ 20 s.
  const ng = p.networkGd ?? { skipped: 'not measured by this version of the bench' };
  const trained = !isSkipped(ng) && ng.finalLoss !== null && ng.finalLoss < 1e-4;
  out.push(
    row('page.networkGd', 'page', "GD trains the default network (digits, 50 samples, 64–32–10) to loss < 1e-4 in the page's worker, from load to done", isSkipped(ng) ? ng : trained ? ng.seconds.median : { skipped: `not trained: final loss ${ng.finalLoss} after ${ng.steps} steps` }, 's', { op: '<=', value: 20 }, {
      note: isSkipped(ng) ? undefined : `${ng.steps} steps (where Node's run first has loss < 1e-4), final loss ${ng.finalLoss?.toExponential(3)}; median of ${ng.seconds.samples.length} loads, min ${fmt(ng.seconds.min)}, max ${fmt(ng.seconds.max)} s`,
    }),
  );
  // The network issue's target: the live view keeps its frame targets while a network trains.
  out.push(...windowRows('page.network', `a network training in the live tab (the default: digits, 50 samples, 64–32–10; GD and 4 SGD runs), every live view shown, ${span(sz.manyRuns)} into the run`, p.network ?? { skipped: 'not measured by this version of the bench' }, PAGE_TARGETS.frameP95));
  out.push(...windowRows('page.compared', `toy, two configurations of 200 runs × 10⁷ steps streaming (compare=B:16), no input, ${span(sz.manyRuns)} into the run`, p.compared, PAGE_TARGETS.frameP95));
  const firstPoint = (id: string, how: string, fp: Stat | Skipped) =>
    row(id, 'page', `parameter change (${how}) → first point of the new run on screen, p95 of ${isSkipped(fp) ? sz.changes : fp.samples.length} changes`, isSkipped(fp) ? fp : quantile(fp.samples, 0.95), 'ms', { op: '<=', value: PAGE_TARGETS.firstPoint }, {
      note: isSkipped(fp) ? undefined : `median ${ms(fp.median)}, max ${ms(fp.max)}`,
    });
  out.push(firstPoint('page.firstPoint', 'η box + Enter', p.firstPointMs));
  out.push(firstPoint('page.firstPoint.step', 'a keyboard step of the η slider, →', p.stepPointMs ?? notMeasured));
  const h = p.heap;
  out.push(
    row('page.heapGrowth', 'page', 'main-thread heap growth over a 10⁷-step run', isSkipped(h) ? h : h.growthMB, 'MB', { op: '<=', value: 50 }, {
      note: isSkipped(h) ? undefined : `${fmt(h.beforeMB)} → ${fmt(h.afterMB)} MB after GC; the run took ${fmt(h.runSeconds)} s`,
    }),
  );
  const older: Skipped = { skipped: 'not measured by this version of the bench' };
  out.push(...presenterRows(p.presenter ?? older), ...clipRows(p.clip ?? older));
  return out;
}

/** The presenter view: how long after the laptop's corner the projector's shows each η of a drag (the target: within 50 ms). */
const presenterLabel = (q: string) => `presenter view, η dragged on the laptop: the projector window's corner shows each value after the laptop's, ${q}`;

function presenterRows(pr: NonNullable<PageFigures['presenter']>): Figure[] {
  const lag = (q: number) => (isSkipped(pr) ? pr : quantile(pr.lagMs.samples, q));
  const note = isSkipped(pr) ? undefined : `${pr.lagMs.samples.length} values followed of ${pr.shown} shown (${pr.skipped} passed over for a later one); max ${ms(pr.lagMs.max)}`;
  return [
    row('page.presenter.median', 'page', presenterLabel('median'), lag(0.5), 'ms', { op: '<=', value: PRESENTER_TARGET_MS }, { note }),
    row('page.presenter.p95', 'page', presenterLabel('p95'), lag(0.95), 'ms', { op: '<=', value: PRESENTER_TARGET_MS }),
  ];
}

/** The 10 s clip of the toy's four views at 1920×1080: render time and size of the MP4, size of the GIF. */
function clipRows(c: NonNullable<PageFigures['clip']>): Figure[] {
  const file = (f: 'mp4' | 'gif') => (isSkipped(c) ? c : (c.find((x) => x.format === f) ?? { skipped: `no ${f} in the report` }));
  const note = (f: 'mp4' | 'gif') => {
    const x = file(f);
    return isSkipped(x) ? undefined : `${x.frames} frames at ${x.width}×${x.height}`;
  };
  const mp4 = file('mp4');
  const gif = file('gif');
  return [
    row('page.clip.mp4.seconds', 'page', 'clip: 10 s of the toy\'s four views at 30 fps as MP4 (H.264), from Record to the file', isSkipped(mp4) ? mp4 : mp4.seconds, 's', { op: '<=', value: CLIP_TARGETS.seconds }, { note: note('mp4') }),
    row('page.clip.mp4.bytes', 'page', 'clip: the same MP4\'s size', isSkipped(mp4) ? mp4 : mp4.bytes / 1e6, 'MB', { op: '<=', value: CLIP_TARGETS.mp4Bytes / 1e6 }),
    row('page.clip.gif.seconds', 'page', 'clip: the same run as a looping GIF at 960×540, 12 fps, from Record to the file', isSkipped(gif) ? gif : gif.seconds, 's', undefined, { note: note('gif') }),
    row('page.clip.gif.bytes', 'page', 'clip: the same GIF\'s size', isSkipped(gif) ? gif : gif.bytes / 1e6, 'MB', { op: '<=', value: CLIP_TARGETS.gifBytes / 1e6 }),
  ];
}

/**
 * The network problem's rows (README "The network problem"), with the issue's targets:
 * GD to loss < 1e-4 in ≤ 20 s, a and s at that point in ≤ 3 s, the 24-model Fig. 6 sweep
 * in ≤ 3 min with its first model within 20 s. Measured in Node on one core, not in the
 * page's worker: the labels say so. A run that did not train is not given a time to train.
 */
export function networkRows(n: NetworkFigures | Skipped): Figure[] {
  if (isSkipped(n)) return [row('network', 'network', 'a network (bench/network.ts)', n, '')];
  const what = `${n.label}, p = ${n.parameters.toLocaleString('en-US')} (${n.query})`;
  const trained: number | Skipped = n.stepsToTrained === null ? { skipped: `GD did not reach loss < 1e-4 (loss ${fmt(n.finalLoss)} after ${fmt(n.trainSeconds)} s)` } : n.trainSeconds;
  const out = [
    row('network.train', 'network', `GD from the initialisation to loss < 1e-4, ${what}, Node`, trained, 's', { op: '<=', value: 20 }, { note: n.stepsToTrained === null ? undefined : `${n.stepsToTrained} steps, final loss ${fmt(n.finalLoss)}` }),
    row('network.measure', 'network', 'a and s at that point (Lanczos on exact Hessian-vector products)', n.sharpnessSeconds + n.nonUniformitySeconds, 's', { op: '<=', value: 3 }, {
      note: `a ${fmt(n.sharpnessSeconds)} s, s ${fmt(n.nonUniformitySeconds)} s; a = ${fmt(n.a, 5)}, s = ${fmt(n.s, 5)} (estimates)`,
    }),
  ];
  // Reports from before ‖G‖_F and μ have no such time.
  if (n.alignmentSeconds !== undefined) out.push(row('network.alignment', 'network', "Wu–Wang–Su's ‖G‖_F and μ at that point (closed form)", n.alignmentSeconds, 's'));
  if (n.fig6) {
    out.push(row('network.fig6', 'network', `Fig. 6 sweep, ${n.fig6.models} models, one thread`, n.fig6.seconds, 's', { op: '<=', value: 180 }));
    out.push(row('network.fig6.first', 'network', 'Fig. 6 sweep: the first model done', n.fig6.firstModelSeconds, 's', { op: '<=', value: 20 }));
  }
  return out;
}

export function figures(m: Measured): Figure[] {
  const network = m.network ?? { skipped: 'not measured (a report from before the network was part of the bench)' };
  return [...engineRows(m.engine), ...referenceRows(m), ...theoryRows(m.theory), ...networkRows(network), ...pageRows(m.page)];
}
