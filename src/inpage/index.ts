// MAIN-world provider script (document_start, all frames). Runs before any page script, so
// everything it needs is captured while it is evaluated (see intrinsics.ts). Exports nothing:
// an IIFE entry's exports would become a page global.
import { announceEip6963 } from './eip6963';
import { createEthereumProvider } from './ethereum-provider';
import { defineProperty } from './intrinsics';
import { createNamespace } from './namespace';
import { windowHost } from './page-port';
import { createTransport } from './transport';

const transport = createTransport(windowHost(window));
const ethereum = createEthereumProvider(transport);
const namespace = createNamespace({ transport, ethereum });

// window.ethereum only if no other wallet owns it. Defined like a plain assignment (writable,
// configurable) so a wallet injected after us can still take it over by assignment or
// defineProperty; we never overwrite theirs.
if (!('ethereum' in window)) {
  defineProperty(window, 'ethereum', { value: ethereum, writable: true, enumerable: true, configurable: true });
}

// Our own global is ours alone: fixed.
try {
  defineProperty(window, 'duowallet', { value: namespace, writable: false, enumerable: true, configurable: false });
} catch {
  // already defined (a second copy of this script in the same window)
}

announceEip6963(window, ethereum);
