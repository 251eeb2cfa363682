import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';

/** The worker died: say so, keep everything, restart with one click. */
export function CrashNotice() {
  const crash = useExplorer((s) => s.status.crash);
  const sim = useSim();
  if (!crash) return null;
  return (
    <div className="banner crash" role="alert" data-testid="crash-notice">
      <strong>{crash}</strong>
      <button type="button" data-testid="restart" onClick={() => sim?.restart()}>
        Restart the run
      </button>
    </div>
  );
}
