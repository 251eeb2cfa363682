import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { installQuietWrites } from './ui/charts/quiet-writes';
import './ui/app.css';

// Before any chart draws: D3 skips writes that change nothing (each costs Chromium a layout).
installQuietWrites();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
