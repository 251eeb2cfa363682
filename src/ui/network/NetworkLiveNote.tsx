import type { PanelId } from '../panels/panel';
import { useExplorer } from '../state/store';
import { NETWORK_LIVE_NOTE, NETWORK_PANEL_NOTES } from './live-notes';

const useIsNetwork = () => useExplorer((s) => s.config.problem === 'mlp');

/** Above the live views, for a network: what they show, and a button to the network tab. */
export function NetworkLiveNote() {
  const isNetwork = useIsNetwork();
  const setConfig = useExplorer((s) => s.setConfig);
  if (!isNetwork) return null;
  return (
    <div className="note" data-testid="network-live-note">
      <strong>A network.</strong> {NETWORK_LIVE_NOTE}{' '}
      <button type="button" data-testid="network-live-open" onClick={() => setConfig({ tab: 'network' })}>
        Open the network tab
      </button>
    </div>
  );
}

/** One live view's note for a network, at the top of its panel (nothing for another problem or a view that needs none). */
export function NetworkPanelNote({ panel }: { panel: PanelId }) {
  const isNetwork = useIsNetwork();
  const text = NETWORK_PANEL_NOTES[panel];
  if (!isNetwork || !text) return null;
  return (
    <p className="network-panel-note" data-testid="network-panel-note">
      {text}
    </p>
  );
}
