import { useEffect, useState, type ReactNode } from 'react';
import type { Hideable } from '../core/params/param-table';
import { ControlsPanel } from './controls/ControlsPanel';
import { DiagramView } from './diagram/DiagramView';
import { CrashNotice } from './shell/CrashNotice';
import { Header } from './shell/Header';
import { HelpOverlay } from './shell/HelpOverlay';
import { bindKeys } from './shell/keyboard';
import { LinkBanner } from './shell/LinkBanner';
import { StatusLine } from './shell/StatusLine';
import { SimContext } from './sim/sim-context';
import { SimController } from './sim/sim-controller';
import { useExplorer } from './state/store';
import { startUrlSync } from './state/url-sync';
import { TheoryPanel } from './theory/TheoryPanel';
import { ExportButtons } from './export/ExportButtons';
import { EscapeStats } from './views/EscapeStats';
import { LandscapeView } from './views/LandscapeView';
import { SeriesView } from './views/SeriesView';
import { PanelFrame } from './shell/PanelFrame';
import { TabBar } from './tabs/TabBar';
import { TAB_ENTRIES } from './tabs/tabs';

export function App() {
  const [sim, setSim] = useState<SimController | null>(null);
  const lecture = useExplorer((s) => s.config.lecture);
  const hide = useExplorer((s) => s.config.hide);
  const note = useExplorer((s) => s.note);
  const tab = useExplorer((s) => s.config.tab);
  const Workspace = TAB_ENTRIES.find((t) => t.id === tab)?.component ?? null;

  // StrictMode mounts twice: start the worker and the URL sync in effects that clean up.
  useEffect(() => {
    const c = new SimController();
    // The worker is an external system: it exists only while mounted.
    // oxlint-disable-next-line react/set-state-in-effect
    setSim(c);
    const stopUrl = startUrlSync();
    const stopKeys = bindKeys(c);
    // Test hooks for the browser tests (kill the worker, read the store).
    (window as unknown as { explorer?: unknown }).explorer = { sim: c, store: useExplorer };
    return () => {
      stopKeys();
      stopUrl();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle('lecture', lecture);
  }, [lecture]);

  const shown = (p: Hideable) => !hide.includes(p);
  const panel = (p: Hideable, title: string, body: ReactNode, extra = '', exportAs?: string) =>
    shown(p) ? (
      <PanelFrame id={p} title={title} className={extra} tools={exportAs ? <ExportButtons view={p} title={exportAs} /> : undefined}>
        {body}
      </PanelFrame>
    ) : null;

  return (
    <SimContext.Provider value={sim}>
      <div className={`app${shown('controls') ? '' : ' no-controls'}${shown('header') ? '' : ' no-header'}`}>
        {shown('header') && <Header />}
        {shown('controls') && <ControlsPanel />}
        <main className="views">
          <LinkBanner />
          <CrashNotice />
          {note && (
            <div className="note" data-testid="preset-note">
              <strong>{note.title}.</strong> {note.text}
            </div>
          )}
          <TabBar />
          {Workspace && (
            <div className="workspace" data-testid={`workspace-${tab}`}>
              <Workspace />
            </div>
          )}
          <div className="grid" hidden={Workspace !== null}>
            {panel('diagram', 'Sharpness–non-uniformity diagram', <DiagramView />, 'diagram', 'diagram')}
            {panel('landscape', 'Landscape and iterates', <LandscapeView />, 'landscape', 'landscape')}
            {panel('burst', 'Escape burst: loss on a log scale', <SeriesView field="loss" />, 'burst', 'escape burst')}
            {panel('distance', 'Distance to the start minimum', <SeriesView field="dist" />, 'distance', 'distance plot')}
            {panel('stats', 'Escapes: measured and predicted', <EscapeStats />, 'stats', 'escape statistics')}
            {panel('theory', 'Theory at this η and B', <TheoryPanel />, 'theory')}
          </div>
        </main>
        <StatusLine />
        <HelpOverlay />
      </div>
    </SimContext.Provider>
  );
}
