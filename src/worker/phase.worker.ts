/// <reference lib="webworker" />
/** A phase-diagram worker: serves phaseApi (src/worker/phase-api.ts) to the page's pool. */
import { phaseApi } from './phase-api';
import { exposeApi } from './rpc/expose-api';

declare const self: DedicatedWorkerGlobalScope;

exposeApi(phaseApi, self);
