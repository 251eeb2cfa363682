import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { installQuietWrites } from './ui/charts/quiet-writes';
import { loadBodies } from './ui/panels/bodies';
import './ui/app.css';

// Before any chart draws: D3 skips writes that change nothing (each costs Chromium a layout).
installQuietWrites();

// The panels' views are chunks of their own (the registry imports them lazily, for Node's sake):
// all of them first, so the page's first render is whole.
// A chunk that cannot be loaded (offline before the first visit was cached) is said, not a blank page.
const root = document.getElementById('root')!;
loadBodies().then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (err: unknown) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `The explorer could not load its views (${err instanceof Error ? err.message : String(err)}). Reload the page; offline, it works once it has been opened online.`;
    root.replaceChildren(p);
  },
);
