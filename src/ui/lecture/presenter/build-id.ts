/**
 * This build's name for the presenter channel: the file name of the script
 * this module is bundled into. A production build names its chunks by their
 * content hash, so two windows of one deployment agree and a tab left open
 * from an older deployment does not; its messages are ignored.
 */
export const BUILD_ID = new URL(import.meta.url).pathname.split('/').pop() ?? 'dev';
