import { encodeLink, type LinkConfig } from '../state/link-params';

/**
 * The canonical link of a configuration at the page's own address (origin and
 * path, so it points wherever the explorer is hosted), without the embedding
 * keys: the room's phones and the "open full explorer" link get the whole page.
 */
export function fullLink(config: LinkConfig, where: { origin: string; pathname: string } = location): string {
  return `${where.origin}${where.pathname}?${encodeLink({ ...config, embed: false, embedorigin: [] })}`;
}
