import { axisBottom } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { textWidth } from '../theme/text-width';

/** Type sizes of a chart (the tokens of theme/sizes.ts). */
export { chartType } from '../theme/sizes';

export interface Frame {
  width: number;
  height: number;
  /** The data area. */
  plot: { x: number; y: number; w: number; h: number };
}

/** Room an axis needs on the left: its widest tick label and the rotated title. */
export function leftMargin(tickLabels: string[], tickPx: number, labelPx: number): number {
  return Math.ceil(Math.max(20, ...tickLabels.map((t) => textWidth(t, tickPx))) + 10 + labelPx * 1.5);
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * The layers every chart has, stacked in its node: canvases (for dense marks)
 * under an SVG (axes, labels, legend), and an invisible rect marking the data
 * area (`data-plot-area`, used by the layout tests and the export).
 */
export function chartLayers(node: HTMLDivElement, canvases: number, testId: string) {
  const wrap = select(node).attr('data-testid', testId);
  const cs = Array.from({ length: canvases }, () => wrap.append('canvas').style('position', 'absolute').style('left', '0').style('top', '0').node()!);
  const svg: Svg = wrap.append('svg').style('position', 'absolute').style('left', '0').style('top', '0');
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  return { wrap, canvases: cs, svg, plotArea };
}

/** A bottom axis over steps: SI suffixes (2k, 5M) and a plain 0. */
export function stepAxis(x: ScaleLinear<number, number>, ticks: number) {
  const f = x.tickFormat(ticks, '~s');
  return axisBottom(x)
    .ticks(ticks)
    .tickFormat((v) => (Number(v) === 0 ? '0' : f(v)));
}

/** Size a canvas for the device pixel ratio, only when its size changed (a resize reallocates and clears it). */
export function sizeCanvas(c: HTMLCanvasElement, w: number, h: number, dpr: number): boolean {
  const W = Math.round(w * dpr);
  const H = Math.round(h * dpr);
  if (c.width === W && c.height === H) return false;
  c.width = W;
  c.height = H;
  c.style.width = `${w}px`;
  c.style.height = `${h}px`;
  return true;
}

/** Powers of ten from lo to hi, every k-th so that labels `gap` pixels tall do not touch over `length` pixels. */
export function decadeTicks(lo: number, hi: number, length: number, gap: number): number[] {
  const top = Math.round(Math.log10(hi));
  const bottom = Math.round(Math.log10(lo));
  const every = Math.max(1, Math.ceil((top - bottom) / Math.max(1, Math.floor(length / gap))));
  const out: number[] = [];
  for (let e = top; e >= bottom; e -= every) out.push(10 ** e);
  return out;
}

/** Tick values of a continuous scale at least `gap` pixels apart (d3's count is only a hint). */
export function spacedTicks(scale: { ticks(n: number): number[]; (v: number): number | undefined }, count: number, gap: number): number[] {
  for (let n = Math.max(1, Math.floor(count)); ; n--) {
    const t = scale.ticks(n);
    let ok = true;
    for (let i = 1; i < t.length && ok; i++) ok = Math.abs((scale(t[i]) ?? 0) - (scale(t[i - 1]) ?? 0)) >= gap;
    if (ok || n <= 1) return t;
  }
}

/**
 * Keep a bottom axis's end labels inside [left, right]: a label centred on a
 * tick near either end is anchored at its edge instead, so it neither leaves
 * the panel nor runs into the vertical axis's lowest label.
 */
export function tidyAxisEnds(g: Selection<SVGGElement, unknown, null, undefined>, left: number, right: number, px: number): void {
  g.selectAll<SVGGElement, number>('.tick').each(function () {
    const m = /translate\(([-\d.e]+)/.exec(this.getAttribute('transform') ?? '');
    if (!m) return;
    const x = Number(m[1]);
    const text = this.querySelector('text');
    if (!text) return;
    const half = textWidth(text.textContent ?? '', px) / 2;
    text.setAttribute('text-anchor', x - half < left ? 'start' : x + half > right ? 'end' : 'middle');
  });
}

/** Of the given tick values, those whose labels (`fmt` at `px`) do not touch the one kept before them, left to right. */
export function labelSpaced(values: number[], at: (v: number) => number, fmt: (v: number) => string, px: number): number[] {
  const out: number[] = [];
  let right = -Infinity;
  for (const v of [...values].sort((a, b) => at(a) - at(b))) {
    const half = textWidth(fmt(v), px) / 2;
    const x = at(v);
    if (x - half < right + px * 0.5) continue;
    out.push(v);
    right = x + half;
  }
  return out;
}

/** Of the given tick values, those at least `gap` pixels from the one kept before them (a vertical axis's labels). */
export function gapSpaced(values: number[], at: (v: number) => number, gap: number): number[] {
  const out: number[] = [];
  let last = -Infinity;
  for (const v of [...values].sort((a, b) => at(a) - at(b))) {
    if (at(v) - last < gap) continue;
    out.push(v);
    last = at(v);
  }
  return out;
}
