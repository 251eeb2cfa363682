import { BOUNDARY_STYLES, type BoundaryKey } from './phase-legend-styles';
import { escapeColor } from './phase-heatmap';

const KEYS: BoundaryKey[] = ['rho', 'lyapunov', 'rectangle', 'gd'];

/** Measured (the grey cells) and theory (the coloured lines), in two labelled groups. */
/** `drawn` lists the boundaries that fall on the grid; the others are marked as off it. */
export function PhaseLegend({ runs, steps, lecture, drawn }: { runs: number; steps: number; lecture: boolean; drawn: BoundaryKey[] }) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((f) => `${escapeColor(f)} ${f * 100}%`).join(', ');
  return (
    <div className="phase-legend" data-testid="phase-legend">
      <div className="legend-group">
        <strong>Measured</strong>
        <span className="ramp" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
        <span>
          0 → {runs} of {runs} runs escaped within {steps} steps
        </span>
      </div>
      <div className="legend-group">
        <strong>Theory</strong>
        {KEYS.map((k) => {
          const s = BOUNDARY_STYLES[k];
          return (
            <span key={k} className={`legend-line${drawn.includes(k) ? '' : ' off-grid'}`} data-testid={`legend-${k}`}>
              <svg width="40" height="14" aria-hidden="true">
                <line x1="2" x2="38" y1="7" y2="7" stroke={s.color} strokeWidth={s.width} strokeDasharray={s.dash} />
              </svg>
              {lecture ? s.short : s.label}
              {drawn.includes(k) ? '' : ' (off the grid)'}
            </span>
          );
        })}
      </div>
    </div>
  );
}
