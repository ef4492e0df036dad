// Isolated-world relay between the page (inpage.js) and the background. It forwards
// well-formed requests from inpage.js (over a private MessageChannel) to one runtime.Port and
// sends the answers and events back the same way; it touches neither the DOM nor storage.
import browser from 'webextension-polyfill';
import { PAGE_CHANNEL, PORT_NAME, type PageHandshake, type PortEvent } from '../shared/provider-protocol';
import { createRelay } from './relay';
import { randomId } from './random-id';

// Opaque origins (sandboxed frames) serialise as 'null', which postMessage cannot target.
// window.origin (the document's origin), not location.origin: in a sandboxed frame the latter is
// still the URL's origin, and a message targeted at it would be dropped.
const targetOrigin = window.origin === 'null' ? '*' : window.origin;

// The private channel to inpage.js (MAIN world). Its other end is handed over below with one
// window message; after that nothing of ours travels on the window, so page scripts can
// neither read request ids nor forge responses or events (inpage ignores the window).
const channel = new MessageChannel();
const toPage = channel.port1;

const relay = createRelay({
  connect: () => browser.runtime.connect({ name: PORT_NAME }),
  isAlive: () => {
    try {
      return typeof browser.runtime?.id === 'string';
    } catch {
      return false;
    }
  },
  postToPage: (message) => toPage.postMessage(message),
  newId: randomId,
});

// Requests come only from inpage.js over the port (window messages are not listened to).
toPage.onmessage = (event: MessageEvent) => {
  relay.handlePageMessage(event.data);
};

// Events (accountsChanged, chainChanged…) come by tabs.sendMessage so they arrive even while
// this frame's port is closed (the worker was stopped). Only from our own background (no
// sender.tab), and only if meant for this document's origin.
browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: unknown; id?: string }) => {
  if (sender.tab || sender.id !== browser.runtime.id) return undefined;
  const m = message as Partial<PortEvent> | null;
  if (!m || m.type !== 'evt' || m.origin !== window.origin || (m.chain !== 'eth' && m.chain !== 'btc') || typeof m.event !== 'string') return undefined;
  toPage.postMessage({ channel: PAGE_CHANNEL, dir: 'evt', chain: m.chain, event: m.event, data: m.data });
  return undefined;
});

// document_start: this message is queued before any page script can post one, so inpage.js
// (which takes only the first) always gets this port.
const handshake: PageHandshake = { channel: PAGE_CHANNEL, dir: 'port' };
window.postMessage(handshake, targetOrigin, [channel.port2]);
