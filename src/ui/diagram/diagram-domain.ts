import { stabilityRectangle } from '../../core/stability-region';
import { familyBatches, familyEtas, type DiagramModel } from './diagram-model';

/** The axes' tops: room for the rectangle, the minima, the hand-placed point, the references, the comparisons and the family. */
export function targetDomain(m: DiagramModel): { x: number; y: number } {
  const r = stabilityRectangle(m.eta, m.n, m.B, m.sampling);
  let xs = r.sharpnessMax * 1.3;
  let ys = Number.isFinite(r.nonUniformityMax) ? r.nonUniformityMax * 1.3 : 0;
  const pts = [...m.minima.map((p) => [p.a, p.s]), ...(m.point ? [[m.point.a, m.point.s]] : []), ...m.references.map((q) => [q.a[1], q.s[1]])];
  for (const [a, s] of pts) {
    if (Number.isFinite(a)) xs = Math.max(xs, a * 1.12);
    if (Number.isFinite(s)) ys = Math.max(ys, s * 1.15);
  }
  for (const c of m.comparisons ?? []) {
    const rc = stabilityRectangle(c.eta, m.n, c.B, c.sampling);
    xs = Math.max(xs, rc.sharpnessMax * 1.15);
    if (Number.isFinite(rc.nonUniformityMax)) ys = Math.max(ys, rc.nonUniformityMax * 1.15);
  }
  if (m.family === 'eta') xs = Math.max(xs, (2 / Math.min(...familyEtas(m.eta))) * 1.1);
  if (m.family === 'batch') {
    const hs = familyBatches(m.n, m.B).map((b) => stabilityRectangle(m.eta, m.n, b, m.sampling).nonUniformityMax).filter(Number.isFinite);
    if (hs.length) ys = Math.max(ys, Math.max(...hs) * 1.1);
  }
  if (!(ys > 0)) ys = xs / 2;
  return { x: xs, y: ys };
}
