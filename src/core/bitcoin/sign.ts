// Low-level signature primitives shared by PSBT and message signing.
import { ecc } from './ecc';

/** 32-byte little-endian counter used as extra entropy, as Bitcoin Core's grinding does. */
function counterEntropy(n: number): Uint8Array {
  const e = new Uint8Array(32);
  new DataView(e.buffer).setUint32(0, n, true);
  return e;
}

/**
 * Deterministic RFC6979 ECDSA (64-byte compact, low-S). With `lowR` it grinds
 * like Bitcoin Core (CKey::Sign): first plain RFC6979, then extra entropy
 * 1, 2, … until r < 2^255, so DER signatures are at most 71 bytes.
 */
export function signEcdsa(hash: Uint8Array, privateKey: Uint8Array, lowR = true): Uint8Array {
  let sig = ecc.sign(hash, privateKey);
  for (let counter = 1; lowR && sig[0]! >= 0x80; counter++) sig = ecc.sign(hash, privateKey, counterEntropy(counter));
  return sig;
}

/** Recoverable variant used by legacy message signing (same nonce rule as signEcdsa). */
export function signEcdsaRecoverable(
  hash: Uint8Array,
  privateKey: Uint8Array,
  lowR = true,
): { signature: Uint8Array; recoveryId: 0 | 1 | 2 | 3 } {
  let r = ecc.signRecoverable(hash, privateKey);
  for (let counter = 1; lowR && r.signature[0]! >= 0x80; counter++) {
    r = ecc.signRecoverable(hash, privateKey, counterEntropy(counter));
  }
  return r;
}

/**
 * BIP340 Schnorr signature. `auxRand` defaults to fresh randomness (BIP340's
 * recommendation against fault/side-channel attacks); tests pass zeros for
 * reproducible output.
 */
export function signSchnorr(hash: Uint8Array, privateKey: Uint8Array, auxRand?: Uint8Array): Uint8Array {
  return ecc.signSchnorr(hash, privateKey, auxRand ?? crypto.getRandomValues(new Uint8Array(32)));
}
