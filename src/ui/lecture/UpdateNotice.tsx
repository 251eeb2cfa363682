import { useEffect, useState } from 'react';
import { registerOffline } from './offline';

/**
 * The service worker's news: "ready to work offline" once everything is
 * cached, and a new deployment announced with a button, never swapped in
 * under a running lecture.
 */
export function UpdateNotice() {
  const [reload, setReload] = useState<(() => void) | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = registerOffline({
      needReload: (r) => setReload(() => r),
      offlineReady: () => {
        setReady(true);
        timer = setTimeout(() => setReady(false), 6000);
      },
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
  if (reload)
    return (
      <div className="lecture-notice" role="status" data-testid="update-notice">
        A new version of the explorer is ready.
        <button type="button" onClick={reload}>
          Reload for the new version
        </button>
        <button type="button" onClick={() => setReload(null)}>
          Later
        </button>
      </div>
    );
  if (ready)
    return (
      <div className="lecture-notice passive" role="status" data-testid="offline-ready">
        Ready to work offline: this explorer now opens and runs with no network.
      </div>
    );
  return null;
}
