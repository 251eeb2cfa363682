import { PRESETS } from '../presets/presets';
import { applyPreset } from '../presets/apply-preset';
import type { SimController } from '../sim/sim-controller';
import { useExplorer, type ExplorerState } from '../state/store';
import { readRequest, type EmbedReply, type EmbedRequest, type EmbedRuns, type EmbedStatus } from './embed-messages';
import { mergeSet } from './embed-set';
import { fullLink } from './full-link';

/** Keys a slide deck moves with; passed to the parent so the deck still advances after a click inside the frame. */
const DECK_KEYS = new Set(['PageUp', 'PageDown', 'ArrowLeft', 'ArrowRight']);

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

const runsOf = (r: { runs: number; escaped: number; diverged: number; checksum: string; fingerprint: string } | null): EmbedRuns | null =>
  r ? { runs: r.runs, escaped: r.escaped, diverged: r.diverged, checksum: r.checksum, fingerprint: r.fingerprint } : null;

const statusOf = (s: ExplorerState): EmbedStatus => ({
  state: s.status.state,
  runId: s.status.runId,
  t: s.status.t,
  steps: s.info?.config.steps ?? s.config.steps,
  error: s.status.error,
});

/** The page's own origin, or one the link's `embedorigin` lists. */
const allowed = (origin: string) => origin === location.origin || useExplorer.getState().config.embedorigin.includes(origin);

/**
 * The embedded explorer's side of the postMessage API. Messages are accepted
 * only from the parent window, and only when its origin is the page's own or
 * one of the link's `embedorigin`; anything else is ignored without a reply.
 * Replies and updates go only to the parent's origin, never to '*'.
 */
export function startEmbedBridge(sim: SimController): () => void {
  const parent = window.parent;
  if (parent === window) return () => undefined;

  // Chromium and Safari tell the parent's origin; elsewhere each allowed origin is tried (the browser drops the others).
  const ancestor = location.ancestorOrigins?.[0];
  const post = (msg: EmbedReply) => {
    const targets = ancestor !== undefined ? (allowed(ancestor) ? [ancestor] : []) : [location.origin, ...useExplorer.getState().config.embedorigin];
    for (const o of targets) parent.postMessage(msg, o);
  };

  const handle = (req: EmbedRequest): string | null => {
    const s = useExplorer.getState();
    switch (req.type) {
      case 'set': {
        const r = mergeSet(s.config, req.query);
        if (!r.ok) {
          post({ type: 'error', message: `'set' was refused; nothing changed`, errors: r.errors });
          return null;
        }
        s.loadQuery(r.query);
        return null;
      }
      case 'preset': {
        const i = typeof req.id === 'number' ? req.id - 1 : PRESETS.findIndex((p) => p.title === req.id);
        const p = PRESETS[i];
        if (!p) return `no preset ${JSON.stringify(req.id)}: give its number, 1 to ${PRESETS.length}, or its exact title`;
        applyPreset(p);
        return null;
      }
      case 'play':
        s.setPaused(false);
        return null;
      case 'pause':
        s.setPaused(true);
        return null;
      case 'step':
        sim.step(req.steps);
        return null;
      case 'reset':
        sim.restart();
        return null;
    }
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || !allowed(e.origin)) return;
    const r = readRequest(e.data);
    const wrong = r.ok ? handle(r.request) : r.message;
    if (wrong !== null) post({ type: 'error', message: wrong, errors: [] });
  };

  const onKey = (e: KeyboardEvent) => {
    if (!DECK_KEYS.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    // Shift+←/→ is the explorer's time scrubber; a focused slider or field keeps its arrows.
    if (e.key.startsWith('Arrow') && (e.shiftKey || typing(e.target))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    post({ type: 'key', key: e.key });
  };

  let last = '';
  let doneRun = -1;
  const report = (s: ExplorerState) => {
    const permalink = fullLink(s.config);
    const status = statusOf(s);
    const key = `${permalink}|${status.state}|${status.runId}|${status.error}`;
    if (key !== last) {
      last = key;
      post({ type: 'state', permalink, status });
    }
    if (s.status.state === 'done' && s.summary && doneRun !== s.status.runId) {
      doneRun = s.status.runId;
      const sgd = runsOf(s.summary.sgd);
      const gd = runsOf(s.summary.gd);
      post({ type: 'done', summary: { permalink, checksum: sgd?.checksum ?? gd?.checksum ?? null, fingerprint: sgd?.fingerprint ?? gd?.fingerprint ?? null, sgd, gd } });
    }
  };

  window.addEventListener('message', onMessage);
  window.addEventListener('keydown', onKey, true);
  const unsubscribe = useExplorer.subscribe(report);
  post({ type: 'ready', permalink: fullLink(useExplorer.getState().config) });
  report(useExplorer.getState());
  return () => {
    unsubscribe();
    window.removeEventListener('message', onMessage);
    window.removeEventListener('keydown', onKey, true);
  };
}
