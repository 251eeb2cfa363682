import { useSyncExternalStore } from 'react';

/** Whether a media query matches now, kept current as the window changes. */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/**
 * Where the controls become a drawer: a phone or a narrow window, and in
 * lecture mode any screen below 1600 px, where the four pictures need the
 * width (the diagram keeps at least 40 % of a 1280×720 projector).
 */
export const DRAWER_QUERY = '(max-width: 1099px)';
export const LECTURE_DRAWER_QUERY = '(max-width: 1599px)';
/** A phone in portrait: one column, the diagram first. */
export const PHONE_QUERY = '(max-width: 699px)';
