import { useCallback, useEffect, useRef, useState } from 'react';
import type { Config } from '../../core/params/param-table';
import { WwsCompanion, type CompanionState } from './wws-companion';

/**
 * The companion run of the current configuration while the workspace is shown (and only
 * for square-loss models), and a way to run it again after its worker died.
 */
export function useCompanion(config: Config, enabled: boolean): [CompanionState | null, () => void] {
  const [state, setState] = useState<CompanionState | null>(null);
  const ref = useRef<WwsCompanion | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const c = new WwsCompanion(setState);
    ref.current = c;
    return () => {
      c.dispose();
      ref.current = null;
    };
  }, [enabled]);
  useEffect(() => {
    if (enabled) ref.current?.run(config);
  }, [config, enabled]);
  const restart = useCallback(() => ref.current?.restart(), []);
  return [enabled ? state : null, restart];
}
