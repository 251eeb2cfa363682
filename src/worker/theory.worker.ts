/// <reference lib="webworker" />
/** The theory worker: serves theoryApi (src/worker/theory-api.ts) to the simulation worker. */
import { exposeApi } from './rpc/expose-api';
import { theoryApi } from './theory-api';

declare const self: DedicatedWorkerGlobalScope;

exposeApi(theoryApi, self);
