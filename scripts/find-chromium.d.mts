/** Types of find-chromium.mjs (a plain .mjs so run-e2e.mjs can use it without a build). */
export interface FoundChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright cache' | 'apt-get install chromium';
}

/** A Chromium for the browser tests and the bench, or null when none can be found or installed. Throws when CHROMIUM_PATH names no executable. */
export function findChromium(): FoundChromium | null;
