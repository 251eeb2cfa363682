/**
 * The network worker's API (served by network.worker.ts): a network's GD and SGD
 * runs advanced in pieces for the training view, and their end points measured
 * (src/core/network/training.ts). The page calls `advance` again and again, so a
 * cancel is simply not calling it; a new `start` replaces the training.
 */
import { loadDigits } from '../core/data/digits';
import { sweepModel, type SweepModel } from '../core/network/sweeps';
import { NetworkTraining, type TrainingPoint } from '../core/network/training';
import type { RunEnd } from '../core/network/trained-minima';
import { decodeQuery } from '../core/params/query';
import { prepareRun } from '../core/prepare-run';
import { queryNeedsDigits } from '../core/problems/mlp-data';

export interface TrainingStarted {
  label: string;
  parameters: number;
  n: number;
  steps: number;
  /** With switchloss: GD's steps from the initialisation to the switch point (null: it never got there). */
  switchStep: number | null;
  first: TrainingPoint;
}

let current: NetworkTraining | null = null;

export const networkApi = {
  async start(query: string): Promise<TrainingStarted> {
    current = null;
    if (queryNeedsDigits(query)) await loadDigits();
    const training = new NetworkTraining(prepareRun(decodeQuery(query).config));
    current = training;
    return { label: training.problem.label, parameters: training.problem.dim, n: training.problem.n, steps: training.steps, switchStep: training.switchStep, first: training.record() };
  },

  /** Advance for about `ms` milliseconds (at least one recorded point); the points recorded meanwhile. */
  advance(ms: number): { points: TrainingPoint[]; done: boolean } {
    const training = current;
    if (!training) throw new Error('no training started');
    const t0 = performance.now();
    const points: TrainingPoint[] = [];
    do points.push(training.advance());
    while (!training.done && performance.now() - t0 < ms);
    return { points, done: training.done };
  },

  /**
   * One model of a sweep (src/core/network/sweeps.ts); the page asks model by model,
   * so each arrives as it finishes, and cancels by ending the worker (the signal).
   */
  async sweepModel(base: string, overrides: Record<string, string>, _signal?: AbortSignal): Promise<SweepModel> {
    if (queryNeedsDigits(base)) await loadDigits();
    return sweepModel(base, overrides);
  },

  ends(): RunEnd[] {
    if (!current) throw new Error('no training started');
    return current.ends();
  },
};

export type NetworkApi = typeof networkApi;
