/**
 * The page's test hooks, typed once: `window.explorer` is the page's own
 * `ExplorerHooks` (src/ui/explorer-hooks.ts, whose global declaration this
 * import brings into the browser tests), and the globals that the tests' own
 * scripts and host pages set are declared here, so a test reads them without
 * casting `window`.
 */
export type { ExplorerHooks } from '../src/ui/explorer-hooks';

declare global {
  interface Window {
    /** lecture-embed.spec.ts's host page: the messages the embedded explorer sent, and a way to send it one. */
    got?: Array<{ type: string; [k: string]: unknown }>;
    send?: (m: unknown) => void;
    /** reliability.spec.ts: set by an inline script the page's policy must refuse. */
    inlineRan?: number;
    /** drag.spec.ts: the slider's value and the corner's a at the start of each frame, until `dragStop`. */
    dragFrames?: Array<{ v: number; a: number }>;
    dragStop?: boolean;
    /** drag.spec.ts: the distance legend's rows before a new η, to find them again after it. */
    legendRows?: Element[];
    /** lecture-presenter.spec.ts: each η a window's corner shows and each its store takes, with the time. */
    seen?: Array<[number, number]>;
    stored?: Array<[number, number]>;
    /** a11y-contrast.spec.ts: every canvas stroke's colour, opacity and width, recorded by a wrapped stroke(). */
    canvasStrokes?: Array<{ panel: string; color: string; alpha: number; width: number }>;
  }
  interface Performance {
    /** Chromium only: the JS heap (reliability.spec.ts's leak check). */
    memory?: { usedJSHeapSize: number };
  }
}
