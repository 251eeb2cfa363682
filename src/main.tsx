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
void loadBodies().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
