/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** The repository's file URL prefix (e.g. https://github.com/owner/repo/blob/main/): makes the theory panel's docs/theory.md references links. */
  readonly VITE_REPOSITORY_URL?: string;
}
