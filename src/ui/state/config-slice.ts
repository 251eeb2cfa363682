import type { StateCreator } from 'zustand';
import type { ParamSpec, ParamValue } from '../../core/params/param-types';
import { copyKeys, type ParamIssue } from '../../core/params/query';
import { problemDef } from '../../core/problems/registry';
import { LINK, LINK_PARAMS, type LinkConfig, type LinkKey } from './link-params';
import { componentCount } from '../../core/problems/component-count';
import { batchLimit } from '../../core/params/batch-limit';
import { clampBatch, decodeLink, SHARED_KEYS, type LinkReport } from './config-rules';
import type { ExplorerState } from './store';

/** The check a typed value passes after the table's own parse (the formula compiler's, for `f`); null when it is fine. */
export type FieldCheck = (key: LinkKey, raw: string) => string | null;

/**
 * The configuration: the permalink's keys, what the link repaired, the controls'
 * refusals and the preset's note, with the actions that change them. Every change
 * goes through the parameter table and the cross-field checks (`config-rules.ts`).
 */
export interface ConfigSlice {
  config: LinkConfig;
  link: LinkReport;
  /** Per-field messages from the controls: a refused value names its field and the old value stays. */
  fieldErrors: Partial<Record<LinkKey, string>>;
  /** Set by presets: the note shown beside the views. */
  note: { title: string; text: string } | null;
  /**
   * The next write of the link pushes a browser history entry (a preset, a change of
   * problem, a loaded link) instead of replacing the current one; `state/url-sync.ts`
   * reads it and clears it with `historyWritten`.
   */
  historyPush: boolean;

  setConfig(patch: Partial<LinkConfig>, opts?: { push?: boolean }): void;
  /** Set one key from text typed in a control, through the parameter table. */
  setField(key: LinkKey, raw: string): boolean;
  setProblem(problem: LinkConfig['problem']): void;
  loadQuery(query: string, opts?: { push?: boolean; note?: ConfigSlice['note'] }): void;
  clearFieldError(key: LinkKey): void;
  dismissLink(): void;
  /** The link was written to the address bar: the next write replaces again. */
  historyWritten(): void;
}

const spec = (k: LinkKey): ParamSpec<ParamValue> => LINK_PARAMS[k];

function initial(): Pick<ConfigSlice, 'config' | 'link'> {
  return decodeLink(typeof location === 'undefined' ? '' : location.search);
}

/** The configuration slice; `check` is the extra check of typed values (injected, so the store imports no control). */
export const createConfigSlice =
  (check: FieldCheck): StateCreator<ExplorerState, [], [], ConfigSlice> =>
  (set, get) => ({
    ...initial(),
    fieldErrors: {},
    note: null,
    historyPush: false,

    setConfig(patch, opts = {}) {
      const issues: ParamIssue[] = [];
      const config = clampBatch({ ...get().config, ...patch }, issues);
      // The weights' refusal (sampling=without at B < n) is said beside the sampling control; picking a sampling clears it.
      const onSampling = issues.find((i) => i.key === 'sampling');
      let fieldErrors = get().fieldErrors;
      if (onSampling) fieldErrors = { ...fieldErrors, sampling: onSampling.message };
      else if ('sampling' in patch && fieldErrors.sampling) {
        fieldErrors = { ...fieldErrors };
        delete fieldErrors.sampling;
      }
      set({ config, historyPush: get().historyPush || !!opts.push, fieldErrors });
    },

    setField(key, raw) {
      const state = get();
      const s = spec(key);
      if (!LINK.appliesTo(key, state.config.problem)) return false;
      const r = LINK.parseInto(state.config, key, raw);
      if (!r.ok) {
        set({ fieldErrors: { ...state.fieldErrors, [key]: `${r.reason}; kept ${s.format(state.config[key] as ParamValue)}` } });
        return false;
      }
      const next = r.value;
      const wrong = check(key, raw);
      if (wrong) {
        set({ fieldErrors: { ...state.fieldErrors, [key]: wrong } });
        return false;
      }
      if (key === 'B') {
        const overB = batchLimit(next.B, componentCount(next));
        if (overB) {
          set({ fieldErrors: { ...state.fieldErrors, B: `${overB}; kept ${state.config.B}` } });
          return false;
        }
      }
      const fieldErrors = { ...state.fieldErrors };
      delete fieldErrors[key];
      const issues: ParamIssue[] = [];
      const config = clampBatch(next, issues);
      // The weights' refusal belongs to the sampling control; every other repair here is the batch size's.
      const onSampling = issues.find((i) => i.key === 'sampling');
      if (onSampling) fieldErrors.sampling = onSampling.message;
      const onB = issues.find((i) => i.key !== 'sampling');
      if (onB && key !== 'B') fieldErrors.B = onB.message;
      set({ config, fieldErrors });
      return true;
    },

    setProblem(problem) {
      const next = LINK.defaults(problem);
      // A problem with run defaults of its own (a network trains at its own η, B, runs, steps) takes them.
      const own = problemDef(problem).defaults ?? {};
      copyKeys(next, get().config, SHARED_KEYS.filter((k) => !(k in own)));
      set({ config: clampBatch(next, []), fieldErrors: {}, note: null, historyPush: true });
    },

    loadQuery(query, opts = {}) {
      const { config, link } = decodeLink(query);
      set({ config, link, fieldErrors: {}, note: opts.note ?? null, historyPush: get().historyPush || !!opts.push });
    },

    clearFieldError(key) {
      // Every input of a drag clears its field's error: with none to clear, no store update
      // (each one runs every subscriber's selector).
      if (!(key in get().fieldErrors)) return;
      const fieldErrors = { ...get().fieldErrors };
      delete fieldErrors[key];
      set({ fieldErrors });
    },

    dismissLink() {
      set({ link: { issues: [], unknown: [] } });
    },

    historyWritten() {
      if (get().historyPush) set({ historyPush: false });
    },
  });
