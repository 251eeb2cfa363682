import { symEigenvalues } from '../linalg/sym-eigen';
import { parseHessianList } from './quadratic';

const fmt = (v: number) => String(Number(v.toPrecision(3)));

/**
 * Warnings for a quadratic sum's H list: components with a negative eigenvalue,
 * and above all a mean H = (1/n)ΣHᵢ with one, which makes x* = 0 a saddle rather
 * than a minimum (GD is stable only if every eigenvalue λ of H has |1 − ηλ| ≤ 1).
 * Empty for a list that does not parse (the field's error says why) or is PSD.
 */
export function quadraticWarnings(text: string): string[] {
  const r = parseHessianList(text);
  if ('error' in r) return [];
  const { d, hessians } = r;
  const n = hessians.length;
  const mean = new Float64Array(d * d);
  const out: string[] = [];
  const indefinite: string[] = [];
  hessians.forEach((h, i) => {
    for (let k = 0; k < h.length; k++) mean[k] += h[k] / n;
    const ev = symEigenvalues(h, d);
    const lo = ev[d - 1];
    if (lo < -1e-12 * Math.max(1, Math.abs(ev[0]))) indefinite.push(`H${i + 1} (λ_min = ${fmt(lo)})`);
  });
  const ev = symEigenvalues(mean, d);
  const lo = ev[d - 1];
  if (lo < -1e-10 * Math.max(1, Math.abs(ev[0]))) out.push(`the mean H has the negative eigenvalue ${fmt(lo)}: x* = 0 is a saddle, not a minimum, and GD and SGD leave it at every η`);
  if (indefinite.length > 0) {
    const shown = indefinite.slice(0, 3).join(', ') + (indefinite.length > 3 ? ` and ${indefinite.length - 3} more` : '');
    out.push(`${indefinite.length === 1 ? 'a component has' : `${indefinite.length} components have`} negative curvature: ${shown}`);
  }
  return out;
}
