import type { LegendItem } from '../charts/legend';
import { COLORS } from '../theme/colors';
import { fmt, type DiagramModel } from './diagram-model';

/** The diagram's legend: the regions, the statuses of the minima shown, the comparisons and the references. */
export function legendItems(m: DiagramModel, hatchId: string): LegendItem[] {
  const items: LegendItem[] = [
    { key: 'rect', label: 'SGD rectangle a ≤ 2/η, s ≤ 1/(η√c) (Wu eq. 9)', short: 'SGD rectangle', swatch: { kind: 'area', fill: COLORS.sgdFill, stroke: COLORS.sgd } },
    { key: 'ellipse', label: 'exact 1D region (1−ηa)² + η²cs² ≤ 1', short: 'exact region', swatch: { kind: 'area', fill: COLORS.exactFill, stroke: COLORS.exact, round: true } },
    { key: 'gd', label: "GD's strip a ≤ 2/η", short: 'GD strip', swatch: { kind: 'area', fill: `url(#${hatchId})`, stroke: COLORS.gd, dash: '5 3' } },
  ];
  if (m.minima.length)
    items.push(
      { key: 'm1', label: 'minimum stable for SGD: ρ(𝒯) ≤ 1 (theory)', short: 'SGD-stable', swatch: { kind: 'mark', shape: 'circle', fill: COLORS.stable, stroke: COLORS.ink } },
      { key: 'm2', label: 'stable for GD only: a ≤ 2/η', short: 'GD only', swatch: { kind: 'mark', shape: 'triangle', fill: COLORS.gdOnly, stroke: COLORS.ink } },
      { key: 'm3', label: 'unstable for both', short: 'unstable', swatch: { kind: 'mark', shape: 'cross', fill: 'none', stroke: COLORS.unstable } },
    );
  if (m.minima.some((d) => d.saddle)) items.push({ key: 'm4', label: 'saddle, not a minimum: λ_min(H) < 0', short: 'saddle', swatch: { kind: 'mark', shape: 'hourglass', fill: 'none', stroke: COLORS.unstable } });
  for (const c of m.comparisons ?? []) items.push({ key: `cmp-${c.label}`, label: `${c.label}: η = ${fmt(c.eta)}, B = ${c.B}${c.sampling === m.sampling ? '' : `, ${c.sampling}`}`, short: c.label, swatch: { kind: 'area', fill: 'none', stroke: c.color, dash: c.dash.join(' ') } });
  if (m.references.length) items.push({ key: 'ref', label: "paper's published data (reference)", short: 'paper (reference)', swatch: { kind: 'area', fill: 'none', stroke: COLORS.reference, dash: '2 3' } });
  return items;
}