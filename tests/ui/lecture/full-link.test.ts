import { describe, expect, it } from 'vitest';
import { PARAM_VERSION } from '../../../src/core/params/param-table';
import { LINK } from '../../../src/ui/state/link-params';
import { fullLink } from '../../../src/ui/lecture/full-link';

describe('fullLink(config, location): the link for the room and for "open full explorer"', () => {
  it('points at the page’s own origin and path, without the embedding keys', () => {
    const c = LINK.decode('problem=toy&eta=0.5&embed=1&embedorigin=https://deck.example&lecture=1').config;
    expect(fullLink(c, { origin: 'https://uni.example', pathname: '/course/sgd/' })).toBe(`https://uni.example/course/sgd/?v=${PARAM_VERSION}&problem=toy&eta=0.5&B=1&seed=1&lecture=1`);
  });
});
