// BIP340/BIP341 key tweaking for key-path spends. bitcoinjs signs taproot
// inputs with whatever key it is given, so the wallet must hand it the
// *tweaked* private key: d' = (P has even y ? d : n - d) + H_TapTweak(x(P) || merkleRoot).
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { ecc } from './ecc';

const tagHashes = new Map<string, Uint8Array>();

/** BIP340 tagged hash: sha256(sha256(tag) || sha256(tag) || msg). */
export function taggedHash(tag: string, ...msg: Uint8Array[]): Uint8Array {
  let th = tagHashes.get(tag);
  if (!th) {
    th = sha256(utf8ToBytes(tag));
    tagHashes.set(tag, th);
  }
  return sha256(concatBytes(th, th, ...msg));
}

/** 32-byte x-only key from a 33-byte compressed key (or an x-only key as is). */
export function toXOnly(pubkey: Uint8Array): Uint8Array {
  if (pubkey.length === 32) return pubkey;
  if (pubkey.length === 33 && (pubkey[0] === 2 || pubkey[0] === 3)) return pubkey.slice(1, 33);
  throw new TypeError('Expected a 33-byte compressed or 32-byte x-only public key');
}

/** t = H_TapTweak(x(P) || merkleRoot); BIP86 key-only outputs have no merkle root. */
export function tapTweak(internalXOnly: Uint8Array, merkleRoot?: Uint8Array | null): Uint8Array {
  if (internalXOnly.length !== 32) throw new TypeError('internal key must be 32 bytes (x-only)');
  if (merkleRoot && merkleRoot.length !== 32) throw new TypeError('merkle root must be 32 bytes');
  return merkleRoot ? taggedHash('TapTweak', internalXOnly, merkleRoot) : taggedHash('TapTweak', internalXOnly);
}

/** Output key Q = P + t·G (x-only) and its parity. */
export function tweakPublicKey(
  internalXOnly: Uint8Array,
  merkleRoot?: Uint8Array | null,
): { xOnly: Uint8Array; parity: 0 | 1 } {
  const r = ecc.xOnlyPointAddTweak(internalXOnly, tapTweak(internalXOnly, merkleRoot));
  if (!r) throw new Error('Invalid taproot tweak');
  return { xOnly: r.xOnlyPubkey, parity: r.parity };
}

/** Tweaked secret for key-path signing. The caller should fill(0) the result after use. */
export function tweakPrivateKey(privateKey: Uint8Array, merkleRoot?: Uint8Array | null): Uint8Array {
  const point = ecc.pointFromScalar(privateKey, true);
  if (!point) throw new Error('Invalid private key');
  // BIP340 keys are implicitly even-y: negate d when P = d·G has odd y.
  const d = point[0] === 3 ? ecc.privateNegate(privateKey) : privateKey;
  const tweaked = ecc.privateAdd(d, tapTweak(point.slice(1, 33), merkleRoot));
  if (d !== privateKey) d.fill(0);
  if (!tweaked) throw new Error('Invalid taproot tweak');
  return tweaked;
}
