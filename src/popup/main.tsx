import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { App } from './App';
import './styles.css';

// Never render inside a frame (click-jacking): CSP frame-ancestors blocks it too, this is the second lock.
if (window.top === window.self) {
  // Only the toolbar popup needs a fixed minimum width (it sizes itself to its content).
  try {
    if (browser.extension.getViews({ type: 'popup' }).includes(window)) document.documentElement.classList.add('toolbar-popup');
  } catch {
    // no extension API (a plain page): nothing to size
  }
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}
