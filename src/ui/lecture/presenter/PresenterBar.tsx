import { useEffect, useState } from 'react';
import { useCompareRuns } from '../../sim/compare-context';
import { useSim } from '../../sim/sim-context';
import { endRole, openPresenterView, startRole, toggleFullscreen } from './presenter-view';
import { PROJECTOR_WINDOW, usePresenterUi } from './presenter-ui';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** The presenter's clock: time since the presenter view opened, to the second. */
function Clock({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="presenter-clock" data-testid="presenter-clock" title="time since the presenter view opened">
      {clock(now - since)}
    </span>
  );
}

/**
 * The presenter view's strip and keys. In the window named as the projector,
 * the sync starts on its own; elsewhere V (or the header's button) makes this
 * window the presenter. The presenter's strip shows the clock and whether the
 * projector window is there; the projector shows nothing but a refusal.
 */
export function PresenterBar() {
  const sim = useSim();
  const comparisons = useCompareRuns();
  const { role, since, peer, message, ignored, set } = usePresenterUi();

  useEffect(() => {
    if (!sim || window.name !== PROJECTOR_WINDOW) return;
    startRole('projector', sim, comparisons);
    return endRole;
  }, [sim, comparisons]);

  useEffect(() => {
    if (!sim) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === 'v' || e.key === 'V') void openPresenterView(sim, comparisons);
      else if ((e.key === 'f' || e.key === 'F') && usePresenterUi.getState().role === 'projector') toggleFullscreen();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sim, comparisons]);

  return (
    <>
      {role === 'presenter' && since !== null && (
        <aside className="presenter-bar" aria-label="presenter view" data-testid="presenter-bar" data-role={role} data-peer={peer} data-ignored={ignored}>
          <strong>Presenter view</strong>
          <Clock since={since} />
          <span data-testid="presenter-peer">{peer ? 'projector window in step' : 'projector window closed'}</span>
          <button type="button" data-testid="presenter-reopen" onClick={() => sim && void openPresenterView(sim, comparisons)}>
            {peer ? 'Show projector' : 'Reopen projector'}
          </button>
          <button type="button" data-testid="presenter-end" onClick={endRole}>
            End
          </button>
        </aside>
      )}
      {role === 'projector' && <span hidden data-testid="presenter-bar" data-role={role} data-peer={peer} data-ignored={ignored} />}
      {message && (
        <p className="presenter-message" role="alert" data-testid="presenter-message">
          {message}{' '}
          <button type="button" onClick={() => set({ message: null })}>
            OK
          </button>
        </p>
      )}
    </>
  );
}
