import { create } from 'zustand';
import { formulaCompileError } from '../../core/params/formula-check';
import { createConfigSlice, type ConfigSlice, type FieldCheck } from './config-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export { simQuery, type LinkReport } from './config-rules';
export type { RunState, SimStatus } from './run-slice';
export type { ConfigSlice } from './config-slice';
export type { RunSlice } from './run-slice';
export type { ViewSlice } from './view-slice';

/** The page's one store: the configuration, the run's status and the page's view state, each a slice of its own file. */
export type ExplorerState = ConfigSlice & RunSlice & ViewSlice;

/** The compiler's parse of a typed formula list (the table's check of `f` is lexical only). */
const formulaCheck: FieldCheck = (key, raw) => {
  if (key !== 'f') return null;
  const wrong = formulaCompileError(raw);
  return wrong ? `${wrong}; kept the last good formulas` : null;
};

/** A fresh store (tests build their own; the page uses `useExplorer`). */
export const createExplorerStore = (check: FieldCheck = formulaCheck) =>
  create<ExplorerState>()((...a) => ({
    ...createConfigSlice(check)(...a),
    ...createRunSlice(...a),
    ...createViewSlice(...a),
  }));

export const useExplorer = createExplorerStore();
