import { encodeLink, type LinkConfig } from '../../state/link-params';

/**
 * The part of a link the two windows share: every key, the run specification's and
 * the view's (tab, t, hide …), but
 * those each window keeps for itself — lecture mode (the projector is in it,
 * the laptop need not be) and the embedding keys.
 */
export function syncedQuery(config: LinkConfig): string {
  return encodeLink({ ...config, lecture: false, embed: false, embedorigin: [] });
}

/** A shared query with this window's own keys added back, for `loadQuery`. */
export function withOwnKeys(query: string, own: LinkConfig): string {
  return `${query}${own.lecture ? '&lecture=1' : ''}${own.embed ? '&embed=1' : ''}${own.embedorigin.length ? `&embedorigin=${own.embedorigin.join(',')}` : ''}`;
}
