// Compute a transaction's txid from its hex without a Bitcoin library: enough
// parsing to drop the segwit marker/flag and witnesses, then double SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';

/** The txid (display order) of a serialized transaction, or undefined if it does not parse exactly. */
export function txidOf(txHex: string): string | undefined {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(txHex)) return undefined;
  const b = hexToBytes(txHex.toLowerCase());
  let p = 0;
  const need = (n: number) => {
    if (p + n > b.length) throw new RangeError('short');
  };
  const varint = (): number => {
    need(1);
    const first = b[p++]!;
    if (first < 0xfd) return first;
    const len = first === 0xfd ? 2 : first === 0xfe ? 4 : 8;
    need(len);
    let n = 0;
    for (let i = len - 1; i >= 0; i--) n = n * 256 + b[p + i]!;
    p += len;
    if (!Number.isSafeInteger(n)) throw new RangeError('varint');
    return n;
  };
  try {
    need(4);
    p = 4;
    const segwit = b[4] === 0x00 && b[5] === 0x01;
    if (segwit) p += 2;
    const bodyStart = p;
    const nIn = varint();
    for (let i = 0; i < nIn; i++) {
      need(36);
      p += 36;
      const len = varint();
      need(len + 4);
      p += len + 4;
    }
    const nOut = varint();
    for (let i = 0; i < nOut; i++) {
      need(8);
      p += 8;
      const len = varint();
      need(len);
      p += len;
    }
    const bodyEnd = p;
    if (segwit) {
      for (let i = 0; i < nIn; i++) {
        const items = varint();
        for (let k = 0; k < items; k++) {
          const len = varint();
          need(len);
          p += len;
        }
      }
    }
    need(4);
    p += 4;
    if (p !== b.length || nIn === 0) return undefined;
    const stripped = concatBytes(b.subarray(0, 4), b.subarray(bodyStart, bodyEnd), b.subarray(p - 4, p));
    return bytesToHex(sha256(sha256(stripped)).reverse());
  } catch {
    return undefined;
  }
}
