import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { ControlsPanel } from './controls/ControlsPanel';
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
import { selectDrawerOpen, selectEmbed, selectHide, selectLecture, selectNote, selectSetDrawerOpen, selectTab } from './state/selectors';
import { NetworkLiveNote, NetworkPanelNote } from './network/NetworkLiveNote';
import { PANELS, type Hideable } from './panels/registry';
import { bodyOf } from './panels/bodies';
import { gridVars, lectureShown } from './panels/layout';
import type { PanelId } from './panels/panel';
import { startUrlSync } from './state/url-sync';
import { undoHistory } from './state/undo-history';
import { ExportButtons } from './export/ExportButtons';
import { PanelFrame } from './shell/PanelFrame';
import { TabBar } from './tabs/TabBar';
import { TAB_ENTRIES } from './tabs/tabs';
import { LectureLayer } from './lecture/LectureLayer';
import { DRAWER_QUERY, LECTURE_DRAWER_QUERY, PHONE_QUERY, useMedia } from './shell/use-media';
import { killWorkers } from '../worker/rpc/supervised-worker';
import { curveOfRun, planOfRun, renderOffline } from './a11y/sound';
import { SoundStatus } from './a11y/SoundStatus';
import type { ExplorerHooks } from './explorer-hooks';

export function App() {
  const [sim, setSim] = useState<SimController | null>(null);
  const [cmp, setCmp] = useState<CompareRuns | null>(null);
  const lecture = useExplorer(selectLecture);
  const hide = useExplorer(selectHide);
  const embed = useExplorer(selectEmbed);
  const note = useExplorer(selectNote);
  const tab = useExplorer(selectTab);
  const setDrawerOpen = useExplorer(selectSetDrawerOpen);
  const Workspace = TAB_ENTRIES.find((t) => t.id === tab)?.component ?? null;
  const narrow = useMedia(DRAWER_QUERY);
  const lectureNarrow = useMedia(LECTURE_DRAWER_QUERY);
  const phone = useMedia(PHONE_QUERY);
  const drawer = narrow || (lecture && lectureNarrow);
  const drawerOpen = useExplorer(selectDrawerOpen) && drawer;

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

    // Test hooks for the browser tests and the bench, typed once (explorer-hooks.ts): kill the worker, or any worker by kind or role; read the store, the render loop's work per frame.
    window.explorer = { sim: c, workers: { kill: killWorkers }, store: useExplorer, render: c.loop.stats, undo: undoHistory, compare: comparisons, audio: { plan: () => (c.current ? planOfRun(c.current) : null), curve: () => (c.current ? curveOfRun(c.current) : null), renderOffline } } satisfies ExplorerHooks;
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
  }, [drawerOpen, setDrawerOpen]);

  const shown = (p: Hideable) => !hide.includes(p);
  // The layouts of the shown panels (panels/layout.ts); app.css picks one by mode and screen.
  const { vars, lectureOf } = useMemo(() => {
    const on = (id: PanelId) => !hide.includes(id);
    return { vars: gridVars(PANELS, on) as CSSProperties, lectureOf: lectureShown(PANELS, on) };
  }, [hide]);
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
          {Workspace === null && <NetworkLiveNote />}
          <div className="grid" hidden={Workspace !== null} style={vars}>
            {PANELS.filter((p) => shown(p.id)).map((p) => {
              const Body = bodyOf(p.id);
              return (
                <PanelFrame
                  key={p.id}
                  id={p.id}
                  title={p.title}
                  short={p.short}
                  className={p.id}
                  style={{ gridArea: p.id }}
                  lecture={lectureOf(p.id)}
                  tools={'exportAs' in p ? <ExportButtons view={p.id} title={p.exportAs} /> : undefined}
                  note={<NetworkPanelNote panel={p.id} />}
                >
                  <Body />
                </PanelFrame>
              );
            })}
          </div>
          {(Workspace === null || tab === 'ab') && <Scrubber />}
        </main>
        <StatusLine />
        <HelpOverlay />
        <SoundStatus />
        <LectureLayer drawer={drawer && shown('controls')} />
      </div>
      </CompareContext.Provider>
    </SimContext.Provider>
  );
}
