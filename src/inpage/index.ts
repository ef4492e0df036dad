// MAIN-world provider script (document_start, all frames). Runs before any page script, so
// everything it needs is captured while it is evaluated (see intrinsics.ts). Exports nothing:
// an IIFE entry's exports would become a page global.
import { DUOWALLET_BTC_PROVIDER, registerBtcProvider } from './btc-providers-registry';
import { announceEip6963 } from './eip6963';
import { createEthereumProvider } from './ethereum-provider';
import { defineIfFree } from './globals';
import { defineProperty } from './intrinsics';
import { createNamespace } from './namespace';
import { windowHost } from './page-port';
import { createTransport } from './transport';

const transport = createTransport(windowHost(window));
const ethereum = createEthereumProvider(transport);
const namespace = createNamespace({ transport, ethereum });

// window.ethereum and window.unisat only if no other wallet owns them (see globals.ts). UniSat
// itself defines window.unisat non-writable but can still redefine ours, which is configurable.
defineIfFree(window, 'ethereum', ethereum);
defineIfFree(window, 'unisat', namespace.bitcoin);

// Our own global is ours alone: fixed. Then WBIP004: sats-connect's
// request(method, params, 'duowallet.satsConnect') finds window.duowallet.satsConnect through
// the btc_providers entry's id (registered only here, so a second copy of this script adds none).
try {
  defineProperty(window, 'duowallet', { value: namespace, writable: false, enumerable: true, configurable: false });
  registerBtcProvider(window, DUOWALLET_BTC_PROVIDER);
} catch {
  // already defined (a second copy of this script in the same window)
}

announceEip6963(window, ethereum);
