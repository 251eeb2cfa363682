import { create } from 'zustand';
import type { RunsSummary } from '../../core/engine/ensemble';
import { PARAMS, VIEW_KEYS, type Config, type ParamKey } from '../../core/params/param-table';
import type { ParamSpec, ParamValue } from '../../core/params/param-types';
import { appliesTo, copyKeys, decodeQuery, defaultConfig, encodeQuery, parseInto, type ParamIssue } from '../../core/params/query';
import { comparisonIssue } from '../../core/compare';
import { componentCount } from '../../core/problems/component-count';
import type { StartedInfo } from '../../worker/protocol';
import { formulaCompileError } from '../controls/formula-check';

/** What the current link (or the worker, after building the problem) repaired. */
export interface LinkReport {
  issues: ParamIssue[];
  unknown: string[];
}

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

export interface ExplorerState {
  config: Config;
  link: LinkReport;
  /** Per-field messages from the controls: a refused value names its field and the old value stays. */
  fieldErrors: Partial<Record<ParamKey, string>>;
  info: StartedInfo | null;
  status: SimStatus;
  summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null;
  paused: boolean;
  help: boolean;
  /** Bumped by the controller after each drawn frame (for the React parts that show counts). */
  frame: number;
  /** Set by presets: the note shown beside the views. */
  note: { title: string; text: string } | null;

  setConfig(patch: Partial<Config>, opts?: { push?: boolean }): void;
  /** Set one key from text typed in a control, through the parameter table. */
  setField(key: ParamKey, raw: string): boolean;
  setProblem(problem: Config['problem']): void;
  loadQuery(query: string, opts?: { push?: boolean; note?: ExplorerState['note'] }): void;
  clearFieldError(key: ParamKey): void;
  dismissLink(): void;
  setPaused(paused: boolean): void;
  setHelp(help: boolean): void;
}

const spec = (k: ParamKey): ParamSpec<ParamValue> => PARAMS[k];

/** The configuration with the view keys at their defaults: what decides a run's numbers. */
export function simQuery(config: Config): string {
  const c = { ...config, compare: [] };
  copyKeys(c, defaultConfig(config.problem), VIEW_KEYS);
  return encodeQuery(c);
}

/** Keys kept when the problem changes; the per-problem ones take the new problem's defaults. */
const SHARED_KEYS: ParamKey[] = ['eta', 'B', 'sampling', 'opt', 'seed', 'runs', 'steps', 'radius', 'hist', 'stop', ...VIEW_KEYS];

/** Cross-field checks the table cannot make alone: B ≤ n, for the main configuration and each comparison; t ≤ steps. */
function clampBatch(config: Config, issues: ParamIssue[]): Config {
  const n = componentCount(config);
  let out = config;
  if (config.B > n) {
    issues.push({ key: 'B', message: `B must be at most n = ${n}, got ${config.B}; used ${n}` });
    out = { ...out, B: n };
  }
  if (out.compare.length > 0) {
    const kept = out.compare.filter((e) => {
      const issue = comparisonIssue(out, e, n);
      if (issue) issues.push({ key: 'compare', message: `${issue}; left out` });
      return !issue;
    });
    if (kept.length !== out.compare.length) out = { ...out, compare: kept };
  }
  if (out.t > out.steps) {
    issues.push({ key: 't', message: `t must be at most steps = ${out.steps}, got ${out.t}; following the run` });
    out = { ...out, t: -1 };
  }
  return out;
}

export const historyIntent = { push: false };

function initial(): Pick<ExplorerState, 'config' | 'link'> {
  const query = typeof location === 'undefined' ? '' : location.search;
  const decoded = decodeQuery(query);
  const issues = [...decoded.issues];
  const config = clampBatch(decoded.config, issues);
  return { config, link: { issues, unknown: decoded.unknown } };
}

export const useExplorer = create<ExplorerState>()((set, get) => ({
  ...initial(),
  fieldErrors: {},
  info: null,
  status: { runId: 0, state: 'starting', t: 0, stepsPerSecond: 0, error: null, crash: null },
  summary: null,
  paused: false,
  help: false,
  frame: 0,
  note: null,

  setConfig(patch, opts = {}) {
    historyIntent.push = historyIntent.push || !!opts.push;
    const issues: ParamIssue[] = [];
    const config = clampBatch({ ...get().config, ...patch }, issues);
    set({ config });
  },

  setField(key, raw) {
    const state = get();
    const s = spec(key);
    if (!appliesTo(key, state.config.problem)) return false;
    const r = parseInto(state.config, key, raw);
    if (!r.ok) {
      set({ fieldErrors: { ...state.fieldErrors, [key]: `${r.reason}; kept ${s.format(state.config[key])}` } });
      return false;
    }
    const next = r.value;
    if (key === 'f') {
      // s.parse above was the lexical check; the compiler also parses.
      const wrong = formulaCompileError(raw);
      if (wrong) {
        set({ fieldErrors: { ...state.fieldErrors, f: `${wrong}; kept the last good formulas` } });
        return false;
      }
    }
    if (key === 'B') {
      const n = componentCount(next);
      if (next.B > n) {
        set({ fieldErrors: { ...state.fieldErrors, B: `B must be at most n = ${n}, got ${raw.trim()}; kept ${state.config.B}` } });
        return false;
      }
    }
    const fieldErrors = { ...state.fieldErrors };
    delete fieldErrors[key];
    const issues: ParamIssue[] = [];
    const config = clampBatch(next, issues);
    if (issues.length > 0 && key !== 'B') fieldErrors.B = issues[0].message;
    set({ config, fieldErrors });
    return true;
  },

  setProblem(problem) {
    const next = defaultConfig(problem);
    copyKeys(next, get().config, SHARED_KEYS);
    const issues: ParamIssue[] = [];
    const config = clampBatch(next, issues);
    historyIntent.push = true;
    set({ config, fieldErrors: {}, note: null });
  },

  loadQuery(query, opts = {}) {
    const decoded = decodeQuery(query);
    const issues = [...decoded.issues];
    const config = clampBatch(decoded.config, issues);
    historyIntent.push = historyIntent.push || !!opts.push;
    set({ config, link: { issues, unknown: decoded.unknown }, fieldErrors: {}, note: opts.note ?? null });
  },

  clearFieldError(key) {
    const fieldErrors = { ...get().fieldErrors };
    delete fieldErrors[key];
    set({ fieldErrors });
  },

  dismissLink() {
    set({ link: { issues: [], unknown: [] } });
  },

  setPaused(paused) {
    set({ paused });
  },

  setHelp(help) {
    set({ help });
  },
}));
