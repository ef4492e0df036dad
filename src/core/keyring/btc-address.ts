// Single-key Bitcoin addresses: P2WPKH (BIP84) and key-path-only P2TR (BIP86).
import * as ecc from '@bitcoinerlab/secp256k1';
import { initEccLib, payments } from 'bitcoinjs-lib';
import { btcNetwork, type BtcNetworkName } from './networks';

// bitcoinjs needs an ECC backend for taproot tweaking. initEccLib is a cheap
// identity check when the same backend is already installed, so calling it
// on use (not at import) keeps module loading side-effect free.
function ensureEcc(): void {
  initEccLib(ecc);
}

function assertCompressed(pubkey: Uint8Array): void {
  if (pubkey.length !== 33 || (pubkey[0] !== 0x02 && pubkey[0] !== 0x03)) {
    throw new TypeError('Expected a 33-byte compressed public key');
  }
}

export function p2wpkhAddress(pubkey: Uint8Array, network: BtcNetworkName): string {
  assertCompressed(pubkey);
  const { address } = payments.p2wpkh({ pubkey, network: btcNetwork(network) });
  if (!address) throw new Error('p2wpkh: no address');
  return address;
}

/** BIP86: internal key = x-only pubkey, output key = P + H_TapTweak(P)·G (no script tree). */
export function p2trAddress(pubkey: Uint8Array, network: BtcNetworkName): string {
  assertCompressed(pubkey);
  ensureEcc();
  const { address } = payments.p2tr({ internalPubkey: pubkey.subarray(1, 33), network: btcNetwork(network) });
  if (!address) throw new Error('p2tr: no address');
  return address;
}
