import { encodeLink } from './link-params';
import { useExplorer } from './store';

const DEBOUNCE_MS = 200;

/**
 * The URL follows the state: history.replaceState, debounced, so a slider drag
 * does not flood the history; a preset or a change of problem pushes an entry,
 * and Back restores it through the validating parameter table. Returns the
 * cleanup (StrictMode mounts effects twice).
 */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = location.search.replace(/^\?/, '');

  const write = () => {
    timer = null;
    const s = useExplorer.getState();
    const query = encodeLink(s.config);
    if (query === written) {
      s.historyWritten();
      return;
    }
    written = query;
    const url = `${location.pathname}?${query}${location.hash}`;
    if (s.historyPush) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    s.historyWritten();
  };

  const unsubscribe = useExplorer.subscribe((s, prev) => {
    if (s.config === prev.config) return;
    if (s.historyPush) {
      if (timer) clearTimeout(timer);
      write();
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  });

  const onPop = () => {
    written = location.search.replace(/^\?/, '');
    useExplorer.getState().loadQuery(location.search);
  };
  window.addEventListener('popstate', onPop);

  // Write the canonical form of the loaded link at once.
  write();

  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
    if (timer) {
      clearTimeout(timer);
      write();
    }
  };
}

/** The canonical shareable link of the current state. */
export function currentLink(): string {
  return `${location.origin}${location.pathname}?${encodeLink(useExplorer.getState().config)}`;
}
