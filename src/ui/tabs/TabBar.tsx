import { useExplorer } from '../state/store';
import { TAB_ENTRIES } from './tabs';

/** The workspace switch (keyboard: Tab to it, arrows or Enter on a tab). */
export function TabBar() {
  const tab = useExplorer((s) => s.config.tab);
  const setConfig = useExplorer((s) => s.setConfig);
  if (TAB_ENTRIES.length < 2) return null;
  return (
    <div className="tabbar" role="tablist" aria-label="workspaces">
      {TAB_ENTRIES.map((t) => (
        <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`tab-${t.id}`} className={tab === t.id ? 'active' : ''} onClick={() => setConfig({ tab: t.id })}>
          <span className="label-long">{t.label}</span>
          <span className="label-short">{t.short}</span>
        </button>
      ))}
    </div>
  );
}
