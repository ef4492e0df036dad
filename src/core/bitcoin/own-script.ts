// The scriptPubKey a single wallet key controls: BIP84 P2WPKH or BIP86
// key-path-only P2TR. Used to check that a key really owns a coin or address.
import { crypto as bjsCrypto } from 'bitcoinjs-lib';
import { concatBytes } from './encoding';
import { toXOnly, tweakPublicKey } from './taproot';
import type { OwnScriptType } from './types';

/** scriptPubKey that `publicKey` controls as `type` (BIP84 P2WPKH or BIP86 key-only P2TR). */
export function scriptForKey(publicKey: Uint8Array, type: OwnScriptType): Uint8Array {
  if (type === 'p2wpkh') {
    if (publicKey.length !== 33) throw new TypeError('p2wpkh needs a 33-byte compressed public key');
    return concatBytes(Uint8Array.of(0x00, 0x14), bjsCrypto.hash160(publicKey));
  }
  return concatBytes(Uint8Array.of(0x51, 0x20), tweakPublicKey(toXOnly(publicKey)).xOnly);
}
