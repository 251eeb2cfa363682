import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * A link card needs absolute addresses (the Open Graph protocol), and a build
 * with a relative base does not know where it will be hosted: `SITE_URL`
 * (such as https://example.org/course/sgd/) makes og:url and og:image
 * absolute; without it they stay relative, which most chat tools still follow.
 */
function linkCard(): Plugin {
  const site = process.env.SITE_URL?.replace(/\/?$/, '/') ?? '';
  return {
    name: 'link-card',
    transformIndexHtml: (html) => html.replaceAll('%SITE_URL%', site === '' ? './' : site),
  };
}

export default defineConfig({
  plugins: [
    react(),
    linkCard(),
    VitePWA({
      // Registered from src/ui/lecture/offline.ts (no inline script: the page's policy forbids it).
      injectRegister: false,
      // A new deployment waits for "reload for the new version"; it is never swapped under a running lecture.
      registerType: 'prompt',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Sharpness–non-uniformity explorer',
        short_name: 'SGD explorer',
        description: "Why SGD escapes sharp minima: Wu–Ma–E's sharpness–non-uniformity diagram with GD and SGD running live.",
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f6f4',
        theme_color: '#0072b2',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole build: every problem, the formula compiler (mathjs), KaTeX and its fonts, the workers.
        // KaTeX's fonts come as woff2, woff and ttf; every browser with service workers reads woff2, so only those are kept.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Any permalink (a query on index.html) opens offline.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
