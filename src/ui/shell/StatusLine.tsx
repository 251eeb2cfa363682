import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';

const rate = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(1)} M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k` : v.toFixed(0));

/** Step t of T, steps per second, and what the runs did: counted from the runs. */
export function StatusLine() {
  const sim = useSim();
  const status = useExplorer((s) => s.status);
  const steps = useExplorer((s) => s.info?.config.steps ?? s.config.steps);
  // Which loop steps the SGD runs (a WebAssembly kernel or the TypeScript fallback, and why): the tooltip.
  const kernel = useExplorer((s) => s.info?.kernel);
  useExplorer((s) => s.frame);
  const run = sim?.current;
  let escaped = 0;
  let diverged = 0;
  let firstDiverged = -1;
  let K = 0;
  if (run?.sgd) {
    K = run.sgd.K;
    for (let r = 0; r < K; r++) {
      if (run.sgd.escapeStep[r] >= 0) escaped++;
      const d = run.sgd.divergedStep[r];
      if (d >= 0) {
        diverged++;
        if (firstDiverged < 0 || d < firstDiverged) firstDiverged = d;
      }
    }
  }
  const gd = run?.gd;
  const gdText = gd ? (gd.divergedStep[0] >= 0 ? `GD diverged at step ${gd.divergedStep[0]}` : gd.escapeStep[0] >= 0 ? `GD escaped at step ${gd.escapeStep[0]}` : 'GD stayed') : null;
  const summary = useExplorer((s) => s.summary);
  const checksum = summary?.sgd?.checksum ?? summary?.gd?.checksum;
  // The whole run's fingerprint beside the final iterates' checksum (README "Checksum and fingerprint").
  const fingerprint = summary?.sgd?.fingerprint ?? summary?.gd?.fingerprint;
  const pct = steps > 0 ? Math.min(100, (100 * status.t) / steps) : 0;
  return (
    <footer
      className="status"
      role="status"
      aria-live="polite"
      data-testid="status-line"
      data-state={status.state}
      data-t={status.t}
      data-run-id={status.runId}
      data-escaped={escaped}
      data-diverged={diverged}
      data-runs={K}
      data-steps-per-second={status.state === 'running' ? Math.round(status.stepsPerSecond) : 0}
      data-kernel={kernel?.kernel}
      title={kernel ? `Computed by ${kernel.kernel}: ${kernel.reason}` : undefined}
    >
      <div className="progress" aria-hidden="true">
        <div style={{ width: `${pct}%` }} />
      </div>
      <span className={`state state-${status.state}`}>{status.state}</span>
      <span>
        step {status.t} of {steps}
      </span>
      {status.state === 'running' && <span>{rate(status.stepsPerSecond)} steps/s</span>}
      {K > 0 && (
        <span data-testid="status-escaped">
          SGD: {escaped} of {K} escaped
          {diverged > 0 && <strong className="diverged">, {diverged} diverged (first at step {firstDiverged})</strong>}
        </span>
      )}
      {gdText && <span data-testid="status-gd">{gdText.startsWith('GD diverged') ? <strong className="diverged">{gdText}</strong> : gdText}</span>}
      {checksum && <span className="checksum" data-testid="checksum">checksum {checksum}</span>}
      {fingerprint && <span className="checksum" data-testid="fingerprint">fingerprint {fingerprint}</span>}
      {status.error && (
        <strong className="diverged" data-testid="run-error">
          {status.error}
        </strong>
      )}
    </footer>
  );
}
