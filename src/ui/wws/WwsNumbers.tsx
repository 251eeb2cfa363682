import type { RunsSummary } from '../../core/engine/ensemble';
import type { Config } from '../../core/params/param-table';
import type { CompanionState } from './wws-companion';
import type { LiveCounts } from './use-live-run';
import { sci, type ReachedMinimum } from './wws-model';

const f3 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(3));
const fe = (v: number) => sci(v);

/**
 * What the runs did (counted) beside what the theory says (formulas), in two
 * columns: neither is coloured by the other.
 */
export function WwsNumbers({
  config,
  companion,
  counts,
  summary,
  reached,
  growth,
}: {
  config: Config;
  companion: CompanionState | null;
  counts: LiveCounts | null;
  summary: RunsSummary | null;
  reached: ReachedMinimum | null;
  growth: { rate: number; from: number; to: number } | null;
}) {
  const sw = companion?.switchInfo ?? null;
  const switching = config.switchloss > 0;
  let switchText = 'no switch (switchloss = 0): the runs start near the listed minimum';
  if (switching) {
    if (sw && sw.step !== null) switchText = `GD reached L = ${fe(sw.loss)} < ${fe(sw.threshold)} at step ${sw.step}; SGD starts there`;
    else if (sw) switchText = sw.diverged ? `GD diverged after ${sw.gdSteps} steps: no switch, nothing runs` : `GD did not reach L < ${fe(sw.threshold)} in ${sw.gdSteps} steps: no switch`;
    else if (companion?.gdPhase) switchText = `GD phase: step ${companion.gdPhase.steps}, L = ${fe(companion.gdPhase.loss)}`;
    else switchText = 'GD phase …';
  }
  const th = reached?.theory ?? null;
  const escaped = summary?.escaped ?? counts?.escaped ?? null;
  const K = summary?.runs ?? counts?.K ?? null;
  const med = summary ? summary.medianEscapeStep : (counts?.medianEscape ?? null);
  return (
    <div className="wws-numbers">
      <section className="measured-col" data-testid="wws-measured" data-switch-step={sw?.step ?? ''} data-escaped={escaped ?? ''} data-runs={K ?? ''} data-checksum={summary?.checksum ?? ''} data-fingerprint={summary?.fingerprint ?? ''}>
        <h3>Runs (counted)</h3>
        <p>{switchText}</p>
        <p data-testid="wws-escaped">
          {config.noise === 'sgd' ? 'SGD' : `GD + ${config.noise} noise`}: <strong>{escaped ?? '…'}</strong> of {K ?? '…'} escaped (‖θ − θ_s‖ &gt; {config.escape})
          {med !== null ? `, median step ${med}` : ''}
          {counts?.gdEscaped !== null && counts?.gdEscaped !== undefined ? `; GD continued: ${counts.gdEscaped ? 'escaped' : 'stays'}` : ''}
        </p>
        <p data-testid="wws-growth" data-growth={growth?.rate ?? ''}>
          mean loss grows <strong>×{f3(growth?.rate)}</strong> a step{growth ? ` (fit over steps ${growth.from}–${growth.to})` : ''}
        </p>
        <p className="hint">{summary ? `checksum ${summary.checksum}` : counts ? `step ${counts.t} of ${config.steps}` : ''}</p>
      </section>
      <section className="theory-col" data-testid="wws-theory" data-gamma0={th?.gamma0 ?? ''} data-frobenius={th?.frobenius ?? ''} data-bound={th?.frobeniusBound ?? ''}>
        <h3>Theory at the minimum (formulas)</h3>
        <p>
          ‖H‖_F = {f3(th?.frobenius)} vs 1/(η√(cμ₀)) = {f3(th?.frobeniusBound)} ({th?.frobeniusBoundSource ?? 'Thm 3.3'}); Tr(H) = {f3(th?.traceH)}
        </p>
        <p>
          γ₀ = η²cμ₀‖H‖²_F = <strong>{f3(th?.gamma0)}</strong>, a lower bound on the growth (Thm 3.5); μ₀ = {f3(th?.mu0)}, γ = {f3(th?.gamma)}
        </p>
        <p className="hint">
          a = {f3(th?.sharpnessPower)} vs GD’s 2/η = {f3(2 / config.eta)} (power iteration, Hessian–vector products)
        </p>
      </section>
    </div>
  );
}
