// Isolated-world relay between the page (inpage.js) and the background. It forwards
// well-formed requests on PAGE_CHANNEL over one runtime.Port and posts the answers and
// events back; it touches neither the DOM nor storage.
import browser from 'webextension-polyfill';
import { PAGE_CHANNEL, PORT_NAME, type PortEvent } from '../shared/provider-protocol';
import { createRelay } from './relay';
import { randomId } from './random-id';

// Opaque origins (sandboxed frames) serialise as 'null', which postMessage cannot target.
// window.origin (the document's origin), not location.origin: in a sandboxed frame the latter is
// still the URL's origin, and a message targeted at it would be dropped.
const targetOrigin = window.origin === 'null' ? '*' : window.origin;

const relay = createRelay({
  connect: () => browser.runtime.connect({ name: PORT_NAME }),
  isAlive: () => {
    try {
      return typeof browser.runtime?.id === 'string';
    } catch {
      return false;
    }
  },
  postToPage: (message) => window.postMessage(message, targetOrigin),
  newId: randomId,
});

// Capture phase, registered before any page script runs: this listener sees page messages
// first. Requests on our channel are hidden from the page's own listeners so other scripts
// on the page do not learn request ids.
window.addEventListener(
  'message',
  (event: MessageEvent) => {
    if (event.source !== window) return;
    if (relay.handlePageMessage(event.data)) event.stopImmediatePropagation();
  },
  true,
);

// Events (accountsChanged, chainChanged…) come by tabs.sendMessage so they arrive even while
// this frame's port is closed (the worker was stopped). Only from our own background (no
// sender.tab), and only if meant for this document's origin.
browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: unknown; id?: string }) => {
  if (sender.tab || sender.id !== browser.runtime.id) return undefined;
  const m = message as Partial<PortEvent> | null;
  if (!m || m.type !== 'evt' || m.origin !== window.origin || (m.chain !== 'eth' && m.chain !== 'btc') || typeof m.event !== 'string') return undefined;
  window.postMessage({ channel: PAGE_CHANNEL, dir: 'evt', chain: m.chain, event: m.event, data: m.data }, targetOrigin);
  return undefined;
});
