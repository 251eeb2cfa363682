import { select } from 'd3-selection';
import { COLORS } from '../theme/colors';
import { uniqueId } from '../theme/unique-id';

/**
 * The diagram's SVG, layer by layer from the back: axes and titles, then inside
 * the clip the GD strip, the references, the family, the SGD rectangle, the exact
 * region, the comparisons and the minima; over them the handles, the hand-placed
 * point, the legend and the labels' leader lines.
 */
export function diagramLayers(node: HTMLDivElement) {
  const svg = select(node).append('svg');
  svg.attr('data-testid', 'stability-diagram').attr('role', 'img').attr('aria-label', 'sharpness–non-uniformity diagram');
  const defs = svg.append('defs');
  const clipId = uniqueId('clip');
  const clipRect = defs.append('clipPath').attr('id', clipId).append('rect');
  const hatch = defs.append('pattern').attr('id', `${clipId}-hatch`).attr('patternUnits', 'userSpaceOnUse').attr('width', 10).attr('height', 10).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 10).attr('height', 10).attr('fill', COLORS.gdFill);
  const hatchLine = hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 10).attr('stroke', COLORS.gd);

  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const plotArea = root.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const plot = root.append('g').attr('clip-path', `url(#${clipId})`);
  const gdStrip = plot.append('rect').attr('data-testid', 'gd-strip').attr('fill', `url(#${clipId}-hatch)`);
  const refs = plot.append('g').attr('class', 'references');
  const family = plot.append('g').attr('class', 'family');
  const rect = plot.append('rect').attr('data-testid', 'sgd-rectangle').attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd);
  const ellipse = plot.append('path').attr('data-testid', 'exact-region').attr('fill', COLORS.exactFill).attr('stroke', COLORS.exact);
  const gdLine = plot.append('line').attr('stroke', COLORS.gd).attr('stroke-dasharray', '8 5');
  const compareRects = plot.append('g').attr('class', 'comparisons');
  const minimaG = plot.append('g').attr('class', 'minima');
  const over = root.append('g');
  const compareCorners = over.append('g').attr('class', 'comparison-corners');
  const cornerLabel = over.append('text').attr('class', 'corner-label').attr('data-testid', 'corner-label');
  const corner = over.append('circle').attr('data-testid', 'rect-corner').attr('r', 10).attr('fill', COLORS.sgd).attr('stroke', COLORS.paper).attr('tabindex', -1).style('cursor', 'move');
  const pointG = over.append('g').attr('class', 'hand-point');
  const pointMark = pointG.append('circle').attr('data-testid', 'hand-point').attr('r', 11).attr('stroke', COLORS.ink).style('cursor', 'move');
  const pointLabel = pointG.append('text').attr('class', 'point-label').attr('data-testid', 'point-label');
  const legend = root.append('g').attr('data-testid', 'diagram-legend');
  const leaders = root.append('g').attr('class', 'leaders');
  return { svg, clipId, clipRect, hatchLine, gx, gy, xLabel, yLabel, plotArea, gdStrip, refs, family, rect, ellipse, gdLine, compareRects, minimaG, compareCorners, cornerLabel, corner, pointG, pointMark, pointLabel, legend, leaders };
}
