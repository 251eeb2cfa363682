/// <reference lib="webworker" />
/** The network worker: serves networkApi (src/worker/network-api.ts) to the network workspace. */
import { networkApi } from './network-api';
import { exposeApi } from './rpc/expose-api';

declare const self: DedicatedWorkerGlobalScope;

exposeApi(networkApi, self);
