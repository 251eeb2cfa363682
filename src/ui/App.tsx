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
import { Scrubber } from './shell/Scrubber';
import { CompareBar } from './shell/CompareBar';
import { CompareRuns } from './sim/compare-runs';
import { CompareContext } from './sim/compare-context';
import { SimContext } from './sim/sim-context';
import { SimController } from './sim/sim-controller';
import { useExplorer } from './state/store';
import { startUrlSync } from './state/url-sync';
import { undoHistory } from './state/undo-history';
import { TheoryPanel } from './theory/TheoryPanel';
import { ExportButtons } from './export/ExportButtons';
import { EscapeStats } from './views/EscapeStats';
import { LandscapeView } from './views/LandscapeView';
import { SeriesView } from './views/SeriesView';
import { PanelFrame } from './shell/PanelFrame';
import { TabBar } from './tabs/TabBar';
import { TAB_ENTRIES } from './tabs/tabs';
import { setDrawerOpen, useDrawerOpen } from './shell/drawer-state';
import { LectureLayer } from './lecture/LectureLayer';
import { DRAWER_QUERY, LECTURE_DRAWER_QUERY, PHONE_QUERY, useMedia } from './shell/use-media';

/** The live views: id, title, the shorter title a narrow panel shows, its body and what its export calls it. */
const VIEWS: Array<{ id: Hideable; title: string; short: string; body: () => ReactNode; exportAs?: string }> = [
  { id: 'diagram', title: 'Sharpness–non-uniformity diagram', short: 'Stability diagram', body: () => <DiagramView />, exportAs: 'diagram' },
  { id: 'landscape', title: 'Landscape and iterates', short: 'Landscape', body: () => <LandscapeView />, exportAs: 'landscape' },
  { id: 'burst', title: 'Escape burst: loss on a log scale', short: 'Escape burst', body: () => <SeriesView field="loss" />, exportAs: 'escape burst' },
  { id: 'distance', title: 'Distance to the start minimum', short: 'Distance', body: () => <SeriesView field="dist" />, exportAs: 'distance plot' },
  { id: 'stats', title: 'Escapes: measured and predicted', short: 'Escapes', body: () => <EscapeStats />, exportAs: 'escape statistics' },
  { id: 'theory', title: 'Theory at this η and B', short: 'Theory', body: () => <TheoryPanel /> },
];

export function App() {
  const [sim, setSim] = useState<SimController | null>(null);
  const [cmp, setCmp] = useState<CompareRuns | null>(null);
  const lecture = useExplorer((s) => s.config.lecture);
  const hide = useExplorer((s) => s.config.hide);
  const embed = useExplorer((s) => s.config.embed);
  const note = useExplorer((s) => s.note);
  const tab = useExplorer((s) => s.config.tab);
  const Workspace = TAB_ENTRIES.find((t) => t.id === tab)?.component ?? null;
  const narrow = useMedia(DRAWER_QUERY);
  const lectureNarrow = useMedia(LECTURE_DRAWER_QUERY);
  const phone = useMedia(PHONE_QUERY);
  const drawer = narrow || (lecture && lectureNarrow);
  const drawerOpen = useDrawerOpen() && drawer;

  // StrictMode mounts twice: start the worker and the URL sync in effects that clean up.
  useEffect(() => {
    const c = new SimController();
    // The worker is an external system: it exists only while mounted.
    // oxlint-disable-next-line react/set-state-in-effect
    setSim(c);
    const comparisons = new CompareRuns(c.loop);
    // oxlint-disable-next-line react/set-state-in-effect
    setCmp(comparisons);
    const stopKeys = bindKeys(c, comparisons);
    const stopUrl = startUrlSync();
    const stopUndo = undoHistory.start();

    // Test hooks for the browser tests (kill the worker, read the store, the render loop's work per frame).
    (window as unknown as { explorer?: unknown }).explorer = { sim: c, store: useExplorer, render: c.loop.stats, undo: undoHistory, compare: comparisons };
    return () => {
      stopKeys();
      stopUndo();
      comparisons.dispose();
      stopUrl();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle('lecture', lecture);
  }, [lecture]);

  // The drawer opens below the header, so the toggle that opened it stays in reach to close it.
  useEffect(() => {
    const header = document.querySelector<HTMLElement>('header.header');
    if (!header || !drawer) return;
    const set = () => document.documentElement.style.setProperty('--header-height', `${header.getBoundingClientRect().height}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(header);
    return () => ro.disconnect();
  }, [drawer]);

  useEffect(() => {
    if (!drawerOpen) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [drawerOpen]);

  const shown = (p: Hideable) => !hide.includes(p);
  const classes = ['app', shown('controls') ? '' : 'no-controls', shown('header') && !embed ? '' : 'no-header', drawer ? 'drawer-mode' : '', phone ? 'phone' : ''];

  return (
    <SimContext.Provider value={sim}>
      <CompareContext.Provider value={cmp}>
      <div className={classes.filter(Boolean).join(' ')}>
        {shown('header') && !embed && <Header drawer={drawer && shown('controls')} />}
        {shown('controls') && (
          <div className={`controls-slot${drawerOpen ? ' open' : ''}`} data-testid="controls-drawer" inert={drawer && !drawerOpen}>
            <ControlsPanel />
          </div>
        )}
        {drawerOpen && <div className="drawer-backdrop" aria-hidden="true" onClick={() => setDrawerOpen(false)} />}
        <main className="views">
          <LinkBanner />
          <CrashNotice />
          {note && (
            <div className="note" data-testid="preset-note">
              <strong>{note.title}.</strong> {note.text}
            </div>
          )}
          {/* The workspaces and the comparisons share one row: the pictures keep the height. */}
          <div className="views-top">
            <TabBar />
            {(Workspace === null || tab === 'ab') && <CompareBar />}
          </div>
          {Workspace && (
            <div className="workspace" data-testid={`workspace-${tab}`}>
              <Workspace />
            </div>
          )}
          <div className="grid" hidden={Workspace !== null}>
            {VIEWS.filter((v) => shown(v.id)).map((v) => (
              <PanelFrame key={v.id} id={v.id} title={v.title} short={v.short} className={v.id} tools={v.exportAs ? <ExportButtons view={v.id} title={v.exportAs} /> : undefined}>
                {v.body()}
              </PanelFrame>
            ))}
          </div>
          {(Workspace === null || tab === 'ab') && <Scrubber />}
        </main>
        <StatusLine />
        <HelpOverlay />
        <LectureLayer drawer={drawer && shown('controls')} />
      </div>
      </CompareContext.Provider>
    </SimContext.Provider>
  );
}
