// Byte helpers without Node's Buffer (the service worker has none).
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { base64ToBytes, bytesToBase64 } from '../vault/base64';

export { bytesToBase64, bytesToHex, concatBytes, hexToBytes };

/** Strict base64 decode that throws (the vault helper returns null). */
export function base64Decode(text: string, what = 'base64'): Uint8Array {
  const out = base64ToBytes(text);
  if (!out) throw new Error(`Invalid ${what}`);
  return out;
}

/** Bitcoin CompactSize length prefix. */
export function varint(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad varint ${n}`);
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >>> 8);
  if (n <= 0xffffffff) return Uint8Array.of(0xfe, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  throw new RangeError('varint > 32 bits not needed here');
}

export function varintLength(n: number): number {
  return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffff ? 5 : 9;
}

/** Witness stack serialisation (count, then length-prefixed items), as BIP322 "simple" uses. */
export function encodeWitness(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(varint(items.length), ...items.flatMap((i) => [varint(i.length), i]));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Transaction ids are shown byte-reversed relative to their hash. */
export function txidFromHash(hash: Uint8Array): string {
  return bytesToHex(Uint8Array.from(hash).reverse());
}
