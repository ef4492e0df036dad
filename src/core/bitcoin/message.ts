// Legacy "Bitcoin Signed Message" signatures (signmessage / BIP137).
// 65 bytes: header || r || s, base64. The header encodes the recovery id and
// the address type the signer claims: 27-30 P2PKH uncompressed, 31-34 P2PKH
// compressed, 35-38 P2SH-P2WPKH, 39-42 P2WPKH (BIP137). Electrum and many
// wallets write 31-34 for segwit addresses too; verifiers accept both.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { crypto as bjsCrypto } from 'bitcoinjs-lib';
import type { BtcNetworkName } from '../keyring/networks';
import { addressFromScript } from './address';
import { ecc } from './ecc';
import { base64Decode, bytesToBase64, concatBytes, varint } from './encoding';
import { signEcdsaRecoverable } from './sign';

const MAGIC = utf8ToBytes('Bitcoin Signed Message:\n');

export type MessageAddressType = 'p2pkh' | 'p2sh-p2wpkh' | 'p2wpkh';

export interface EcdsaMessageOptions {
  /** Compressed public key (default true; uncompressed only exists for old P2PKH keys). */
  compressed?: boolean;
  /** Address type the signature is for (default 'p2wpkh'). */
  segwitType?: MessageAddressType;
  /** 'bip137' (default): header by address type. 'electrum': 31-34 for every compressed key. */
  headerStyle?: 'bip137' | 'electrum';
}

function toBytes(message: string | Uint8Array): Uint8Array {
  return typeof message === 'string' ? utf8ToBytes(message) : message;
}

/** double-SHA256 of varint-prefixed magic and message, as Bitcoin Core's MessageHash. */
export function bitcoinMessageHash(message: string | Uint8Array): Uint8Array {
  const m = toBytes(message);
  return sha256(sha256(concatBytes(varint(MAGIC.length), MAGIC, varint(m.length), m)));
}

function headerBase(type: MessageAddressType, compressed: boolean, style: 'bip137' | 'electrum'): number {
  if (!compressed) {
    if (type !== 'p2pkh') throw new Error('Segwit addresses require a compressed key');
    return 27;
  }
  if (style === 'electrum' || type === 'p2pkh') return 31;
  return type === 'p2sh-p2wpkh' ? 35 : 39;
}

/** Signs like Bitcoin Core's signmessage (deterministic RFC6979, no nonce grinding). */
export function signMessageEcdsa(
  privateKey: Uint8Array,
  message: string | Uint8Array,
  opts: EcdsaMessageOptions = {},
): string {
  const compressed = opts.compressed ?? true;
  const base = headerBase(opts.segwitType ?? 'p2wpkh', compressed, opts.headerStyle ?? 'bip137');
  const { signature, recoveryId } = signEcdsaRecoverable(bitcoinMessageHash(message), privateKey, false);
  return bytesToBase64(concatBytes(Uint8Array.of(base + recoveryId), signature));
}

function addressesOf(pub: Uint8Array, network: BtcNetworkName): Record<MessageAddressType, string | undefined> {
  const h = bjsCrypto.hash160(pub);
  const p2wpkh = concatBytes(Uint8Array.of(0x00, 0x14), h);
  return {
    p2pkh: addressFromScript(concatBytes(Uint8Array.of(0x76, 0xa9, 0x14), h, Uint8Array.of(0x88, 0xac)), network),
    'p2sh-p2wpkh': addressFromScript(
      concatBytes(Uint8Array.of(0xa9, 0x14), bjsCrypto.hash160(p2wpkh), Uint8Array.of(0x87)),
      network,
    ),
    p2wpkh: pub.length === 33 ? addressFromScript(p2wpkh, network) : undefined,
  };
}

/**
 * Verifies a legacy signature against an address. The header's address type
 * must match (BIP137), except that a 31-34 header is accepted for segwit
 * addresses (Electrum style).
 */
export function verifyMessageEcdsa(
  address: string,
  message: string | Uint8Array,
  signatureBase64: string,
  network: BtcNetworkName,
): boolean {
  let sig: Uint8Array;
  try {
    sig = base64Decode(signatureBase64);
  } catch {
    return false;
  }
  if (sig.length !== 65) return false;
  const header = sig[0]!;
  if (header < 27 || header > 42) return false;
  const recoveryId = ((header - 27) & 3) as 0 | 1 | 2 | 3;
  const compressed = header >= 31;
  const pub = ecc.recover(bitcoinMessageHash(message), sig.subarray(1), recoveryId, compressed);
  if (!pub) return false;
  const addrs = addressesOf(pub, network);
  if (header < 35) return addrs.p2pkh === address || (compressed && (addrs.p2wpkh === address || addrs['p2sh-p2wpkh'] === address));
  if (header < 39) return addrs['p2sh-p2wpkh'] === address;
  return addrs.p2wpkh === address;
}
