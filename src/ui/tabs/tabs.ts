import type { ComponentType } from 'react';
import type { TabId } from './tab-ids';
import { WwsWorkspace } from '../wws/WwsWorkspace';
import { PhaseView } from '../explore/PhaseView';
import { SelectionView } from '../explore/SelectionView';
import { SideBySide } from '../compare/SideBySide';
import { NetworkView } from '../network/NetworkView';

export interface TabEntry {
  id: TabId;
  label: string;
  /** The label of a narrow screen's tab bar. */
  short: string;
  /** The workspace shown instead of the live grid (the live tab has none). */
  component: ComponentType | null;
}

/**
 * The workspaces, in the order of the tab bar. Each one lives in its own
 * folder and adds itself here (one line), so the shell does not change.
 */
export const TAB_ENTRIES: TabEntry[] = [
  { id: 'live', label: 'Live runs', short: 'Live', component: null },
  { id: 'phase', label: 'Phase diagram', short: 'Phase', component: PhaseView },
  { id: 'selection', label: 'Selection and minima atlas', short: 'Selection', component: SelectionView },
  { id: 'wws', label: 'Wu–Wang–Su', short: 'WWS', component: WwsWorkspace },
  { id: 'ab', label: 'A | B side by side', short: 'A | B', component: SideBySide },
  { id: 'network', label: 'A network’s minima', short: 'Network', component: NetworkView },
];
