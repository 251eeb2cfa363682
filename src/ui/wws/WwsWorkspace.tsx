import { useMemo } from 'react';
import { problemCan } from '../../core/problems/registry';
import { PanelFrame } from '../shell/PanelFrame';
import { applyPreset } from '../presets/apply-preset';
import { WWS_PRESETS } from '../presets/wws-presets';
import { useExplorer } from '../state/store';
import { AlignmentView } from './AlignmentView';
import { EscapeView } from './EscapeView';
import { FrobeniusView } from './FrobeniusView';
import { NoiseSwitch } from './NoiseSwitch';
import { useCompanion } from './use-companion';
import { useLiveRun } from './use-live-run';
import { WwsNumbers } from './WwsNumbers';
import { fittedGrowth, reachedMinimum } from './wws-model';
import './wws.css';

/**
 * The Wu–Wang–Su workspace (Wu, Wang & Su 2022): the escape protocol of Fig. 4, the
 * alignment along a run (eq. 3, Definition 2.1), the Frobenius bound
 * (Theorem 3.3, Fig. 6b) and the noise switch (§3.3), for the square-loss models.
 */
export function WwsWorkspace() {
  const config = useExplorer((s) => s.config);
  const info = useExplorer((s) => s.info);
  const summary = useExplorer((s) => s.summary);
  const frame = useExplorer((s) => s.frame);
  const square = problemCan(config.problem, 'wws');
  const [companion, restartCompanion] = useCompanion(config, square);
  const { run, counts } = useLiveRun();
  const switchInfo = companion?.switchInfo ?? null;
  // Kept while the inputs do not change, so the Frobenius chart redraws only then.
  const reached = useMemo(() => reachedMinimum(info, switchInfo), [info, switchInfo]);
  // The mean loss's growth per step, from the live buffers (new points each frame).
  const growth = useMemo(() => {
    const sc = run?.sgd && run.sgd.K > 1 ? run.sgd.summaryCurves() : null;
    return sc && frame >= 0 ? fittedGrowth(sc.step, sc.meanLoss) : null;
  }, [run, frame]);
  if (!square) {
    return (
      <div className="wws-intro" data-testid="wws">
        <p>Wu–Wang–Su’s alignment and Frobenius bound are about square-loss models: choose the random-features model or the diagonal linear network.</p>
        <div className="buttons">
          {WWS_PRESETS.map((p) => (
            <button key={p.title} type="button" onClick={() => applyPreset(p)}>
              {p.title}
            </button>
          ))}
        </div>
      </div>
    );
  }
  const lecture = config.lecture;
  return (
    <div className="wws" data-testid="wws">
      <div className="wws-top">
        {companion?.error && (
          <div className="banner crash" role="alert" data-testid="wws-companion-error">
            <strong>{companion.error}</strong>
            <button type="button" data-testid="wws-companion-restart" onClick={restartCompanion}>
              Restart the alignment run
            </button>
          </div>
        )}
        <NoiseSwitch />
        <WwsNumbers config={config} companion={companion} counts={counts} summary={summary?.sgd ?? null} reached={reached} growth={growth} />
      </div>
      <PanelFrame id="wws-escape" title={config.switchloss > 0 ? 'Escape after the switch to SGD (Fig. 4), log scale' : 'Loss of the runs, log scale'} short={config.switchloss > 0 ? 'Escape after the switch' : 'Loss of the runs'} className="wws-escape">
        <EscapeView run={run} gamma0={reached?.theory.gamma0 ?? null} lecture={lecture} frame={frame} />
      </PanelFrame>
      <PanelFrame id="wws-align" title="Alignment along SGD run 0: α, β, μ (eq. 3), γ (Def. 2.1)" short="Alignment along SGD run 0" className="wws-align">
        <AlignmentView series={companion?.align ?? null} tMax={config.steps} mu0={reached?.theory.mu0 ?? null} lecture={lecture} />
      </PanelFrame>
      <PanelFrame id="wws-frob" title="Frobenius bound (Thm 3.3) and B sweep (Fig. 6b)" short="Frobenius bound and B sweep" className="wws-frob-panel">
        <FrobeniusView reached={reached} eta={config.eta} B={config.B} n={info?.problem.n ?? config.n} sampling={config.sampling} lecture={lecture} />
      </PanelFrame>
    </div>
  );
}
