import type { PanelId } from '../panels/panel';

/**
 * What each live view shows for a network (`problem=mlp`), where its usual reading
 * would mislead. A network lists no minimum: every run starts at the initialisation
 * θ₀, the engine measures distances from θ₀, and its escape radius of 10⁶ keeps
 * escapes from being counted (src/core/problems/mlp.ts). The trained minima are
 * measured in the network tab (README "The network problem").
 */
export const NETWORK_PANEL_NOTES: Partial<Record<PanelId, string>> = {
  diagram: 'A network lists no minimum: the rectangle is drawn alone, and “escaped” counts runs farther than 10⁶ from the initialisation θ₀, never an escape from a minimum. The trained minima’s (a, s) are placed in the network tab.',
  landscape: 'Two of the network’s coordinates along the runs: no landscape is drawn, since the loss lives in all of them.',
  burst: 'The training loss of each run from the initialisation (the square loss’s least value is 0), not an escape from a minimum.',
  distance: 'The distance from the initialisation θ₀ (x* here), where every run starts; θ₀ is not a minimum.',
  stats: 'No escapes are counted for a network. Wu–Ma–E’s escape from a GD minimum is the switchloss protocol, whose runs the network tab trains and measures.',
};

/** The live tab's note for a network, above its views. */
export const NETWORK_LIVE_NOTE = 'These views follow the network’s GD and SGD runs from its initialisation; they hold no minimum, so nothing here is a, s or an escape from a minimum. Training to a minimum, its a and s, ‖G‖_F and μ, and the sweeps are in the network tab.';
