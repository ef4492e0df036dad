// One place that hands bitcoinjs its ECC backend. @bitcoinerlab/secp256k1 is
// pure JS over @noble/curves (no WASM, no install scripts), which suits the
// MV3 service worker.
import * as ecc from '@bitcoinerlab/secp256k1';
import { initEccLib } from 'bitcoinjs-lib';

let ready = false;

/** bitcoinjs needs an ECC library for taproot; install it lazily so importing stays side-effect free. */
export function ensureEcc(): void {
  if (ready) return;
  initEccLib(ecc);
  ready = true;
}

export { ecc };
