// Ethereum address = last 20 bytes of keccak256(uncompressed pubkey without
// the 0x04 prefix), shown with the EIP-55 mixed-case checksum. Done with noble
// directly so ethers is not pulled into the service-worker bundle.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const HEX_ADDRESS = /^(0x)?[0-9a-fA-F]{40}$/;
const ascii = new TextEncoder();

/** EIP-55 checksum casing for a 20-byte hex address (any case, 0x optional). */
export function toChecksumAddress(hex: string): string {
  if (typeof hex !== 'string' || !HEX_ADDRESS.test(hex)) {
    throw new TypeError(`Not a 20-byte hex address: ${String(hex)}`);
  }
  const lower = hex.slice(-40).toLowerCase();
  const hash = keccak_256(ascii.encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const c = lower[i]!;
    // nibble i of the hash: high nibble for even i, low nibble for odd i
    const nibble = ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/** Address from a 65-byte uncompressed key (0x04 || X || Y). */
export function ethAddressFromUncompressed(uncompressed: Uint8Array): string {
  if (uncompressed.length !== 65 || uncompressed[0] !== 0x04) {
    throw new TypeError('Expected a 65-byte uncompressed public key');
  }
  return toChecksumAddress(bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12)));
}

/** Address from a secp256k1 public key: 33-byte compressed (the usual BIP32
 *  form), 65-byte uncompressed, or 64-byte raw X||Y. */
export function ethAddressFromPublicKey(pub: Uint8Array): string {
  let bytes = pub;
  if (pub.length === 64) {
    bytes = new Uint8Array(65);
    bytes[0] = 0x04;
    bytes.set(pub, 1);
  }
  // fromBytes validates the point is on the curve; decompresses 33-byte keys.
  return ethAddressFromUncompressed(secp256k1.Point.fromBytes(bytes).toBytes(false));
}
