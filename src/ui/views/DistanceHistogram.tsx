import { fmt } from '../diagram/diagram-model';
import { COLORS } from '../theme/colors';

/** Bins per decade of the distance axis. */
const PER_DECADE = 2;

/**
 * The runs' distances to the start minimum at the time scrubber's step, in
 * bins of half a decade (the distances span many decades: Wu Fig. 2 right),
 * with the escape radius R marked. Counted from the decimated histories.
 */
export function DistanceHistogram({ dists, t, escape }: { dists: number[]; t: number; escape: number }) {
  const finite = dists.filter((d) => d > 0 && Number.isFinite(d));
  const zero = dists.length - finite.length;
  const logs = finite.map((d) => Math.log10(d));
  const lo = Math.floor(Math.min(Math.log10(escape), ...logs) * PER_DECADE) / PER_DECADE;
  const hi = Math.ceil(Math.max(Math.log10(escape), ...logs) * PER_DECADE + 1e-9) / PER_DECADE;
  const nb = Math.max(1, Math.round((hi - lo) * PER_DECADE));
  const bins = new Array<number>(nb).fill(0);
  for (const l of logs) bins[Math.min(nb - 1, Math.floor((l - lo) * PER_DECADE))]++;
  const top = Math.max(1, ...bins);
  const W = 320;
  const H = 150;
  const pad = { l: 34, r: 8, t: 8, b: 30 };
  const bw = (W - pad.l - pad.r) / nb;
  const xOf = (l: number) => pad.l + ((l - lo) / (hi - lo || 1)) * (W - pad.l - pad.r);
  const yOf = (c: number) => H - pad.b - (c / top) * (H - pad.t - pad.b);
  return (
    <figure className="distance-histogram" data-testid="distance-histogram" data-t={t} data-count={finite.length}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`distances to the start minimum at step ${t}`}>
        {bins.map((c, i) => (
          <rect key={i} x={pad.l + i * bw + 1} y={yOf(c)} width={Math.max(1, bw - 2)} height={H - pad.b - yOf(c)} fill={COLORS.sgdRun} data-count={c} />
        ))}
        <line x1={xOf(Math.log10(escape))} x2={xOf(Math.log10(escape))} y1={pad.t} y2={H - pad.b} stroke={COLORS.ink} strokeDasharray="2 4" strokeWidth={1.5} />
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} stroke={COLORS.ink} />
        {Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i).map((e) => (
          <text key={e} x={xOf(e)} y={H - pad.b + 12} fontSize={10} textAnchor="middle">{`1e${e}`}</text>
        ))}
        <text x={pad.l} y={H - 4} fontSize={10}>
          {`‖x_t − x*‖ at t = ${t}; R dashed; ${top} = tallest bar`}
        </text>
      </svg>
      <figcaption>
        Distance to the start minimum at step {t}: {finite.length} runs{zero > 0 ? `, ${zero} at distance 0` : ''}; R = {fmt(escape)}
      </figcaption>
    </figure>
  );
}
