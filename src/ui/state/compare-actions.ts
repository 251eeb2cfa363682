import { CONFIG_LABELS, MAX_COMPARE, pinEntry, swapWithMain } from '../../core/compare';
import { useExplorer } from './store';

/**
 * "Pin as comparison" (button, key P): the current configuration becomes a
 * comparison that stays while the sliders move. Refused with a message naming
 * `compare` when three are pinned or this one already is; nothing is lost.
 */
export function pinCurrent(): boolean {
  const s = useExplorer.getState();
  const c = s.config;
  const entry = pinEntry(c);
  const at = c.compare.indexOf(entry);
  let error: string | null = null;
  if (at >= 0) error = `this configuration is already pinned as ${CONFIG_LABELS[at + 1]}`;
  else if (c.compare.length >= MAX_COMPARE) error = `compare holds at most ${MAX_COMPARE} comparisons: remove one before pinning another`;
  if (error) {
    useExplorer.setState({ fieldErrors: { ...s.fieldErrors, compare: error } });
    return false;
  }
  s.clearFieldError('compare');
  s.setConfig({ compare: [...c.compare, entry] });
  return true;
}

/** Remove comparison i. */
export function removeComparison(i: number): void {
  const s = useExplorer.getState();
  s.clearFieldError('compare');
  s.setConfig({ compare: s.config.compare.filter((_, j) => j !== i) });
}

/** Swap comparison i with the main configuration (each stays what it was). */
export function swapComparison(i: number): void {
  const s = useExplorer.getState();
  s.clearFieldError('compare');
  s.setConfig(swapWithMain(s.config, i));
}
