/** Tick values and labels of the charts' axes: which ticks to show so their labels do not touch, and where an end label is anchored. */
import { axisBottom } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { textWidth } from '../theme/text-width';

/** A bottom axis over steps: SI suffixes (2k, 5M) and a plain 0. */
export function stepAxis(x: ScaleLinear<number, number>, ticks: number) {
  const f = x.tickFormat(ticks, '~s');
  return axisBottom(x)
    .ticks(ticks)
    .tickFormat((v) => (Number(v) === 0 ? '0' : f(v)));
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
