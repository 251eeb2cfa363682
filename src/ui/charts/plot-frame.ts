import type { Axis, AxisDomain } from 'd3-axis';
import { select, type Selection } from 'd3-selection';
import type { PanelLayer } from '../export/panel-layers';
import { chartType } from '../theme/sizes';
import { uniqueId } from '../theme/unique-id';
import { nodeSize } from './chart';
import { frameLayout, type FrameLayout, type FrameSpec, type FrameType } from './frame-layout';
import { drawLegend } from './legend';
import { tidyAxisEnds } from './axis-ticks';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

export interface PlotFrameOptions {
  /** The node's `data-testid` and the svg's accessible name. */
  testId?: string;
  label: string;
  /** Canvases under the svg, for dense marks (they share the svg's coordinates). */
  canvases?: number;
  /** The canvases over the svg instead (marks drawn above an SVG picture such as contours); they let pointer events through. */
  canvasesAbove?: boolean;
  /** The smallest size the frame lays out at (a collapsed panel must not give negative ranges). */
  minWidth?: number;
  minHeight?: number;
  /** The legend's `data-testid`, where a browser test reads it. */
  legendTestId?: string;
  /** Below this width or height the frame uses the compact type (outside lecture mode). */
  compactBelow?: { width: number; height: number };
}

/** Every frame on the page, by node: the export and the recorder ask a panel's frame for its layers. */
const FRAMES = new Set<PlotFrame>();

/** The frames drawn inside an element (a panel), in the page's order. */
export function framesIn(el: Element): PlotFrame[] {
  return [...FRAMES].filter((f) => el.contains(f.node)).sort((a, b) => (a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * The one frame of a chart (docs/architecture.md#charts): it owns the svg and
 * the canvases under it, the margins (from the axes' measured tick labels and
 * titles, frame-layout.ts), the plot area and its clip, the axes, the legend
 * (legend.ts, from the marks' own labels and swatches) and the layers the
 * export and the recorder read. Lecture mode and the small sizes of a phone
 * are its concern: a chart reads `frame.type` and draws inside `frame.plot`.
 *
 *   const frame = new PlotFrame(node, { label: 'distances' });
 *   frame.layout(lecture, { x: { ticks: ['1e-3', '1e0'], titles: ['distance'] } });
 *   frame.marks.selectAll('rect').data(bins).join('rect')…   // inside frame.plot, clipped
 *   frame.axis('x', axisBottom(x));
 */
export class PlotFrame {
  readonly node: HTMLDivElement;
  readonly svg: Svg;
  readonly canvases: HTMLCanvasElement[];
  /** Under the marks, not clipped (gridlines, bands). */
  readonly back: G;
  /** The data marks, clipped to the plot area. */
  readonly marks: G;
  readonly gx: G;
  readonly gy: G;
  /** Above the marks and the axes, not clipped (labels that may leave the plot, handles). */
  readonly over: G;
  readonly legendG: G;
  width = 0;
  height = 0;
  type: FrameType;
  layoutNow: FrameLayout;
  private readonly plotRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly options: PlotFrameOptions;
  private readonly dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  private key = '';
  /** The size, type and plot area last laid out (what the marks depend on). */
  private geometry = '';

  constructor(node: HTMLDivElement, options: PlotFrameOptions) {
    this.node = node;
    this.options = options;
    const wrap = select(node);
    if (options.testId) wrap.attr('data-testid', options.testId);
    const layered = (options.canvases ?? 0) > 0;
    const canvases = () => Array.from({ length: options.canvases ?? 0 }, () => wrap.append('canvas').style('position', 'absolute').style('left', '0').style('top', '0').style('pointer-events', options.canvasesAbove ? 'none' : 'auto').node()!);
    const under = options.canvasesAbove ? [] : canvases();
    this.svg = wrap.append('svg').attr('role', 'img').attr('aria-label', options.label);
    if (layered) this.svg.style('position', 'absolute').style('left', '0').style('top', '0');
    this.canvases = options.canvasesAbove ? canvases() : under;
    // The data area: invisible, read by the layout tests (data-plot-area) and the export.
    this.plotRect = this.svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
    const clipId = uniqueId('plot-clip');
    this.clipRect = this.svg.append('clipPath').attr('id', clipId).append('rect');
    this.back = this.svg.append('g');
    this.marks = this.svg.append('g').attr('clip-path', `url(#${clipId})`);
    this.gx = this.svg.append('g').attr('class', 'axis axis-x');
    this.gy = this.svg.append('g').attr('class', 'axis axis-y');
    this.xTitle = this.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
    this.yTitle = this.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
    this.over = this.svg.append('g');
    this.legendG = this.svg.append('g').attr('data-testid', options.legendTestId ?? null);
    this.type = chartType(false);
    this.layoutNow = frameLayout(0, 0, this.type, {});
    this.resize();
    FRAMES.add(this);
  }

  /** The data area of the last layout. */
  get plot() {
    return this.layoutNow.plot;
  }

  /** Re-reads the node's size; true when it changed (the next `layout` lays out again). */
  resize(): boolean {
    const { width, height } = nodeSize(this.node, this.options.minWidth ?? 120, this.options.minHeight ?? 70);
    if (width === this.width && height === this.height) return false;
    this.width = width;
    this.height = height;
    return true;
  }

  /**
   * Lays the frame out for the mode and what its axes and legend hold: the
   * svg's and canvases' size, the margins, the plot area and its clip, the
   * titles and the legend. Does nothing when neither the size, the mode nor the
   * spec changed, so a live chart may call it every frame. Returns true only when
   * what the marks are drawn against moved (the size, the type or the plot area):
   * a legend that only changed its words (a new run's ρ) is drawn again without
   * making the chart redraw its data.
   */
  layout(lecture: boolean, spec: FrameSpec): boolean {
    const c = this.options.compactBelow ?? { width: 420, height: 260 };
    const type = chartType(lecture, this.width < c.width || this.height < c.height);
    const key = JSON.stringify([this.width, this.height, type, spec.x, spec.y, typeof spec.top === 'function' ? spec.top(type) : spec.top, spec.right, spec.left, spec.bottom, spec.below?.(type, this.height), spec.legendShare, spec.legend?.map((i) => [i.label, i.short, i.swatch])]);
    if (key === this.key) return false;
    this.key = key;
    const L = frameLayout(this.width, this.height, type, spec);
    const { plot: p } = L;
    const geometry = `${this.width}x${this.height}|${JSON.stringify(type)}|${p.x},${p.y},${p.w},${p.h}`;
    const moved = geometry !== this.geometry;
    this.geometry = geometry;
    this.type = type;
    this.layoutNow = L;
    this.svg.attr('width', this.width).attr('height', this.height);
    for (const cv of this.canvases) sizeCanvas(cv, this.width, this.height, this.dpr);
    const { plot } = L;
    for (const r of [this.plotRect, this.clipRect]) r.attr('x', plot.x).attr('y', plot.y).attr('width', plot.w).attr('height', plot.h);
    this.gx.attr('transform', `translate(0,${plot.y + plot.h})`).attr('display', spec.x ? null : 'none');
    this.gy.attr('transform', `translate(${plot.x},0)`).attr('display', spec.y ? null : 'none');
    this.xTitle.attr('x', L.xTitle.x).attr('y', L.xTitle.y).attr('font-size', type.label).text(L.xTitle.text);
    this.yTitle.attr('transform', `translate(${L.yTitle.x},${L.yTitle.y}) rotate(-90)`).attr('font-size', type.label).text(L.yTitle.text);
    if (L.legend && L.legendAt && spec.legend) {
      drawLegend(this.legendG, [...spec.legend], L.legend, type.stroke);
      this.legendG.attr('transform', `translate(${L.legendAt.x},${L.legendAt.y})`);
    } else this.legendG.selectAll('*').remove();
    return moved;
  }

  /** Draws an axis in its place at the frame's type size; a bottom axis keeps its end labels inside the frame. */
  axis<D extends AxisDomain>(which: 'x' | 'y', axis: Axis<D>): void {
    const g = which === 'x' ? this.gx : this.gy;
    g.call(axis);
    g.selectAll('text').attr('font-size', this.type.tick);
    g.selectAll('line, path').attr('stroke-width', this.type.stroke);
    if (which === 'x') tidyAxisEnds(g, this.plot.x - 6, this.width - 2, this.type.tick);
  }

  /** A canvas's 2D context in the frame's CSS pixels. */
  context(i: number): CanvasRenderingContext2D {
    const ctx = this.canvases[i].getContext('2d')!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    return ctx;
  }

  /** The drawn layers in paint order, in the frame's coordinates (the export and the recorder draw these). */
  layers(): PanelLayer[] {
    const svg = this.svg.node()!;
    return (this.options.canvasesAbove ? [svg, ...this.canvases] : [...this.canvases, svg]).map((el) => ({ el, x: 0, y: 0, width: this.width, height: this.height }));
  }

  destroy(): void {
    FRAMES.delete(this);
    select(this.node).selectAll('*').remove();
  }
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
