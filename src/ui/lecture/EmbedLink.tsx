import { useExplorer } from '../state/store';
import { selectDrawerOpen, selectSetDrawerOpen } from '../state/selectors';
import { fullLink } from './full-link';

/**
 * In a slide's frame (no header): the way out to the whole explorer at the
 * same configuration, and where the controls are a drawer, the button that
 * opens it (the header's button is not there).
 */
export function EmbedLink({ drawer }: { drawer: boolean }) {
  const config = useExplorer((s) => s.config);
  const open = useExplorer(selectDrawerOpen);
  const setDrawerOpen = useExplorer(selectSetDrawerOpen);
  return (
    <div className="embed-open">
      {drawer && (
        <button type="button" data-testid="controls-drawer-toggle" aria-expanded={open} aria-controls="controls" onClick={() => setDrawerOpen(!open)}>
          Controls
        </button>
      )}
      <a data-testid="embed-open" href={fullLink(config)} target="_blank" rel="noopener">
        open full explorer ↗
      </a>
    </div>
  );
}
