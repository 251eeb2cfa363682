import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { theoryOfMinima } from '../../src/core/simulate';
import { theoryApi } from '../../src/worker/theory-api';
import { theoryHost } from '../../src/worker/theory-host';
import { channelKind } from '../support/channel-worker';

/** The real theory, except that the query "hang" never answers (a long theory to die in). */
const api = {
  minima: (query: string, signal?: AbortSignal) => (query === 'hang' ? new Promise<never>(() => {}) : theoryApi.minima(query, signal)),
};
const query = 'problem=toy&eta=0.7&B=1';
const settled = async (p: Promise<unknown>) => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 50));
  return done;
};

describe('theoryHost(kind): the simulation session’s theory worker', () => {
  it('theory(query) gives theoryOfMinima of the query’s problem', async () => {
    const host = theoryHost(channelKind(api, 'terminate'));
    const { problem, config } = buildProblem(decodeQuery(query).config);
    expect(await host.theory(query)).toEqual(theoryOfMinima(problem, config));
  });

  it('a worker killed mid-job rejects the theory with a message naming it, and the next request is answered by a fresh worker', async () => {
    const kind = channelKind(api, 'terminate');
    const host = theoryHost(kind);
    const p = host.theory('hang');
    await new Promise((r) => setTimeout(r, 10));
    host.kill('killed');
    await expect(p).rejects.toThrow('the test worker stopped (killed)');
    expect(kind.spawned[0].terminated).toBe(true);
    expect((await host.theory(query)).length).toBeGreaterThan(0);
    expect(kind.spawned).toHaveLength(2);
  });

  it('cancelTheory() ends the worker and leaves the abandoned promise unsettled (SimSession drops it); a new request cancels the last', async () => {
    const kind = channelKind(api, 'terminate');
    const host = theoryHost(kind);
    const p = host.theory('hang');
    await new Promise((r) => setTimeout(r, 10));
    host.cancelTheory();
    expect(await settled(p)).toBe(false);
    expect(kind.spawned[0].terminated).toBe(true);
    const q = host.theory('hang');
    await new Promise((r) => setTimeout(r, 10));
    const r = host.theory(query);
    expect(await settled(q)).toBe(false);
    expect(kind.spawned[1].terminated).toBe(true);
    expect((await r).length).toBeGreaterThan(0);
  });
});
