/// <reference lib="webworker" />
/** The selection worker: serves selectionApi (src/worker/selection-api.ts) to the explore tabs. */
import { exposeApi } from './rpc/expose-api';
import { selectionApi } from './selection-api';

declare const self: DedicatedWorkerGlobalScope;

exposeApi(selectionApi, self);
