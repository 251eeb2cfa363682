import type { StateCreator } from 'zustand';
import type { RunsSummary } from '../../core/engine/ensemble';
import type { StartedInfo } from '../../worker/protocol';
import type { ExplorerState } from './store';

export type RunState = 'starting' | 'running' | 'paused' | 'done' | 'error';

export interface SimStatus {
  runId: number;
  state: RunState;
  t: number;
  stepsPerSecond: number;
  /** The worker's error for this run ("nothing runs: …", a throw). */
  error: string | null;
  /** The worker died and was replaced; the configuration was kept. */
  crash: string | null;
}

/**
 * The live run's status, written by the sim controller (`sim/sim-controller.ts`)
 * as the worker reports: what the worker built, where the run is, its summaries.
 */
export interface RunSlice {
  info: StartedInfo | null;
  status: SimStatus;
  summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null;
  paused: boolean;
  /** Bumped by the controller after each drawn frame (for the React parts that show counts). */
  frame: number;

  setPaused(paused: boolean): void;
}

export const createRunSlice: StateCreator<ExplorerState, [], [], RunSlice> = (set) => ({
  info: null,
  status: { runId: 0, state: 'starting', t: 0, stepsPerSecond: 0, error: null, crash: null },
  summary: null,
  paused: false,
  frame: 0,

  setPaused(paused) {
    set({ paused });
  },
});
