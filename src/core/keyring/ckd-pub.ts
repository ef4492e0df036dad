// Fast BIP32 public child derivation (CKDpub) for listing many addresses
// under one cached parent, e.g. m/44'/60'/0'/0/i.
//
// Why not HDKey.deriveChild(i)? Each scure child computes its public key with
// a constant-time, blinded scalar multiplication (~0.6 ms) plus hash160 we do
// not need, and Ethereum then needs the uncompressed key (a square root).
// Here: child = parent + tweak*G using the precomputed base table, and all
// results are converted to affine with ONE shared field inversion.
//
// Variable-time multiply: the tweak (HMAC of the parent xpub data) is no
// private key by itself; it is derivable by anyone holding the parent xpub.
// libsecp256k1's secp256k1_ec_pubkey_tweak_add likewise uses its
// variable-time ecmult for it. Private keys never pass through this file.
import { normalizeZ } from '@noble/curves/abstract/curve.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';

const Point = secp256k1.Point;
type Pt = ReturnType<typeof Point.fromBytes>;
const N = Point.Fn.ORDER;
export const HARDENED_OFFSET = 0x80000000;

export function assertIndex(i: number, limit = HARDENED_OFFSET, what = 'index'): void {
  if (!Number.isSafeInteger(i) || i < 0 || i >= limit) {
    throw new RangeError(`${what} must be an integer in 0..${limit - 1}, got ${String(i)}`);
  }
}

// noble keeps a separate fixed-base table for variable-time multiplication
// (the constant-time path used for private keys has its own, for blinded
// scalars). Building it costs ~10 ms warm / ~35 ms on a cold worker, so it is
// done once when a branch is created (at unlock) rather than inside the
// first address listing.
let baseTableReady = false;
function warmBaseTable(): void {
  if (!baseTableReady) {
    Point.BASE.multiplyUnsafe(2n);
    baseTableReady = true;
  }
}

export class PublicBranch {
  #point: Pt | null;
  #chainCode: Uint8Array;
  #data: Uint8Array; // serP(parent) || ser32(i), reused for every child

  /** @param publicKey 33-byte compressed parent key; @param chainCode 32 bytes. */
  constructor(publicKey: Uint8Array, chainCode: Uint8Array) {
    if (publicKey.length !== 33 || chainCode.length !== 32) throw new TypeError('Bad parent key or chain code');
    this.#point = Point.fromBytes(publicKey);
    this.#chainCode = Uint8Array.from(chainCode);
    this.#data = new Uint8Array(37);
    this.#data.set(publicKey, 0);
    warmBaseTable();
  }

  /** Uncompressed (65-byte) child keys for indices from..from+count-1. An entry
   *  is null where BIP32 declares the index invalid (IL >= n or the point at
   *  infinity, odds ~2^-127); callers fall back to HDKey for that index. */
  uncompressedChildren(from: number, count: number): (Uint8Array | null)[] {
    const parent = this.#point;
    if (!parent) throw new Error('Key material has been wiped');
    assertIndex(count, HARDENED_OFFSET + 1, 'count');
    if (count > 0) assertIndex(from + count - 1);
    const view = new DataView(this.#data.buffer);
    const points: Pt[] = [];
    const slots: (number | null)[] = []; // position in `points`, or null if invalid
    for (let k = 0; k < count; k++) {
      view.setUint32(33, from + k, false);
      const I = hmac(sha512, this.#chainCode, this.#data);
      const tweak = bytesToNumberBE(I.subarray(0, 32));
      I.fill(0);
      const child = tweak < N ? Point.BASE.multiplyUnsafe(tweak).add(parent) : null;
      if (child === null || child.is0()) {
        slots.push(null);
      } else {
        slots.push(points.length);
        points.push(child);
      }
    }
    const affine = points.length > 0 ? normalizeZ(Point, points) : [];
    return slots.map((s) => (s === null ? null : affine[s]!.toBytes(false)));
  }

  wipe(): void {
    this.#chainCode.fill(0);
    this.#data.fill(0);
    this.#point = null;
  }
}
