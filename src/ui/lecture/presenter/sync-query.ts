import type { Config } from '../../../core/params/param-table';
import { encodeQuery } from '../../../core/params/query';

/**
 * The part of a configuration the two windows share: every permalink key but
 * those each window keeps for itself — lecture mode (the projector is in it,
 * the laptop need not be) and the embedding keys.
 */
export function syncedQuery(config: Config): string {
  return encodeQuery({ ...config, lecture: false, embed: false, embedorigin: [] });
}

/** A shared query with this window's own keys added back, for `loadQuery`. */
export function withOwnKeys(query: string, own: Config): string {
  return `${query}${own.lecture ? '&lecture=1' : ''}${own.embed ? '&embed=1' : ''}${own.embedorigin.length ? `&embedorigin=${own.embedorigin.join(',')}` : ''}`;
}
