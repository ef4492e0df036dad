import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { App } from './App';
import { takeEarlyOpen } from './early-open';
import './styles.css';

// Never render inside a frame (click-jacking): CSP frame-ancestors blocks it too, this is the second lock.
if (window.top === window.self) {
  // Only the toolbar popup needs a fixed minimum width (it sizes itself to its content).
  try {
    if (browser.extension.getViews({ type: 'popup' }).includes(window)) document.documentElement.classList.add('toolbar-popup');
  } catch {
    // no extension API (a plain page): nothing to size
  }
  const element = document.getElementById('root');
  if (element) {
    const early = takeEarlyOpen();
    const root = createRoot(element);
    const app = (
      <StrictMode>
        <App early={early} />
      </StrictMode>
    );
    // The background usually answered while this bundle loaded: render the real first screen now,
    // in this task, rather than an empty frame first (a scheduled render would come a task later).
    if (early?.settled) flushSync(() => root.render(app));
    else root.render(app);
  }
}
