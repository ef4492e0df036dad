// Test-only helpers (imported by *.test.ts, never by the keyring itself).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

export { bytesToHex, hexToBytes };

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Minimal Base58Check decoder so WIF vectors can be checked without extra deps. */
export function base58checkDecode(s: string): Uint8Array {
  let n = 0n;
  for (const c of s) {
    const d = B58.indexOf(c);
    if (d < 0) throw new Error(`bad base58 char ${c}`);
    n = n * 58n + BigInt(d);
  }
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const zeros = /^1*/.exec(s)![0].length;
  const full = new Uint8Array([...new Uint8Array(zeros), ...hexToBytes(hex)]);
  const payload = full.slice(0, -4);
  const check = sha256(sha256(payload)).slice(0, 4);
  if (bytesToHex(check) !== bytesToHex(full.slice(-4))) throw new Error('bad base58 checksum');
  return payload;
}

/** Mainnet compressed-key WIF -> 32-byte private key. */
export function wifToPrivateKey(wif: string): Uint8Array {
  const p = base58checkDecode(wif);
  if (p.length !== 34 || p[0] !== 0x80 || p[33] !== 0x01) throw new Error('not a mainnet compressed WIF');
  return p.slice(1, 33);
}
