// Address validation and address <-> scriptPubKey conversion for the
// wallet's networks. Bech32/Bech32m checksums and base58check are verified by
// bitcoinjs; the segwit rules bitcoinjs leaves out (BIP173/BIP350: version
// 0..16, program 2..40 bytes, v0 program 20 or 32 bytes, v0 in Bech32 and
// v1+ in Bech32m) are enforced here.
import { address as bjsAddress, type Network } from 'bitcoinjs-lib';
import { btcNetwork, type BtcNetworkName } from '../keyring/networks';
import { ensureEcc } from './ecc';
import { concatBytes } from './encoding';
import type { AddressType } from './types';

export type AddressErrorCode =
  | 'empty'
  | 'whitespace'
  | 'invalid' // not base58check nor bech32/bech32m, or bad checksum / padding / characters
  | 'mixed_case'
  | 'wrong_network'
  | 'unsupported_witness_version' // valid per BIP350 but a future segwit version: sending would be unsafe
  | 'invalid_program';

export type AddressValidation =
  | { ok: true; type: AddressType }
  | { ok: false; code: AddressErrorCode; reason: string };

export class AddressError extends Error {
  override readonly name = 'AddressError';
  constructor(
    readonly code: AddressErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ALL_NETWORKS: readonly [BtcNetworkName, Network][] = (['mainnet', 'testnet4', 'regtest'] as const).map(
  (n) => [n, btcNetwork(n)],
);

function networkLabel(name: BtcNetworkName): string {
  return name === 'testnet4' || name === 'signet' ? 'testnet/signet' : name;
}

/** Which of our networks uses this bech32 prefix or base58 version byte (for a helpful message). */
function otherNetworkOf(match: (n: Network) => boolean): string | undefined {
  const hit = ALL_NETWORKS.find(([, n]) => match(n));
  return hit ? networkLabel(hit[0]) : undefined;
}

/** hrp '1' data, data in the bech32 alphabet (either case): worth a bech32 decode and case check. */
const BECH32_SHAPE = /^[a-z0-9]+1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/i;

function decode(addr: string, network: Network, name: BtcNetworkName): { type: AddressType } | { code: AddressErrorCode; reason: string } {
  // Base58 first: its alphabet cannot produce a bech32 string with a valid checksum.
  let b58: { version: number; hash: Uint8Array } | undefined;
  try {
    b58 = bjsAddress.fromBase58Check(addr);
  } catch {
    /* not base58check */
  }
  if (b58) {
    if (b58.hash.length !== 20) return { code: 'invalid', reason: 'Base58 address with a payload that is not 20 bytes' };
    if (b58.version === network.pubKeyHash) return { type: 'p2pkh' };
    if (b58.version === network.scriptHash) return { type: 'p2sh' };
    const other = otherNetworkOf((n) => n.pubKeyHash === b58.version || n.scriptHash === b58.version);
    return other
      ? { code: 'wrong_network', reason: `Wrong network: this is a ${other} address, not ${networkLabel(name)}` }
      : { code: 'invalid', reason: `Unknown base58 address version ${b58.version}` };
  }

  if (!BECH32_SHAPE.test(addr)) return { code: 'invalid', reason: 'Not a valid Bitcoin address (typo or bad checksum?)' };
  if (addr !== addr.toLowerCase() && addr !== addr.toUpperCase()) {
    return { code: 'mixed_case', reason: 'Bech32 addresses must not mix upper and lower case' };
  }
  let seg: { version: number; prefix: string; data: Uint8Array };
  try {
    seg = bjsAddress.fromBech32(addr);
  } catch {
    return { code: 'invalid', reason: 'Not a valid address (bad checksum or characters)' };
  }
  const prefix = seg.prefix.toLowerCase();
  if (prefix !== network.bech32) {
    const other = otherNetworkOf((n) => n.bech32 === prefix);
    return other
      ? { code: 'wrong_network', reason: `Wrong network: this is a ${other} address, not ${networkLabel(name)}` }
      : { code: 'invalid', reason: `Unknown address prefix "${prefix}"` };
  }
  const { version, data } = seg;
  if (version > 16) return { code: 'invalid', reason: `Invalid witness version ${version}` };
  if (data.length < 2 || data.length > 40) return { code: 'invalid_program', reason: 'Invalid witness program length' };
  if (version === 0) {
    if (data.length === 20) return { type: 'p2wpkh' };
    if (data.length === 32) return { type: 'p2wsh' };
    return { code: 'invalid_program', reason: 'Invalid witness program length for version 0' };
  }
  if (version === 1 && data.length === 32) return { type: 'p2tr' };
  return {
    code: 'unsupported_witness_version',
    reason: `Segwit version ${version} outputs are not spendable safely yet; refusing to send to them`,
  };
}

/** Validates `addr` for `network` (no trimming: stray whitespace is reported, not guessed away). */
export function validateBtcAddress(addr: string, network: BtcNetworkName): AddressValidation {
  if (typeof addr !== 'string' || addr.length === 0) return { ok: false, code: 'empty', reason: 'Address is empty' };
  if (addr.trim() !== addr || /\s/.test(addr)) {
    return { ok: false, code: 'whitespace', reason: 'Address contains spaces or line breaks' };
  }
  if (addr.length > 90) return { ok: false, code: 'invalid', reason: 'Address is too long' };
  const r = decode(addr, btcNetwork(network), network);
  return 'type' in r ? { ok: true, type: r.type } : { ok: false, ...r };
}

/** scriptPubKey for a valid address on `network`; throws AddressError otherwise. */
export function outputScript(addr: string, network: BtcNetworkName): Uint8Array {
  const v = validateBtcAddress(addr, network);
  if (!v.ok) throw new AddressError(v.code, v.reason);
  ensureEcc(); // bitcoinjs needs it for p2tr
  return bjsAddress.toOutputScript(addr, btcNetwork(network));
}

/** Standard address of a scriptPubKey, or undefined (OP_RETURN, bare multisig, future segwit, …). */
export function addressFromScript(script: Uint8Array, network: BtcNetworkName): string | undefined {
  if (!scriptType(script)) return undefined;
  ensureEcc();
  try {
    return bjsAddress.fromOutputScript(script, btcNetwork(network));
  } catch {
    return undefined;
  }
}

/** Classifies a scriptPubKey by its exact template. */
export function scriptType(script: Uint8Array): AddressType | undefined {
  const [a, b, c] = script;
  const n = script.length;
  if (n === 25 && a === 0x76 && b === 0xa9 && c === 0x14 && script[23] === 0x88 && script[24] === 0xac) return 'p2pkh';
  if (n === 23 && a === 0xa9 && b === 0x14 && script[22] === 0x87) return 'p2sh';
  if (n === 22 && a === 0x00 && b === 0x14) return 'p2wpkh';
  if (n === 34 && a === 0x00 && b === 0x20) return 'p2wsh';
  if (n === 34 && a === 0x51 && b === 0x20) return 'p2tr';
  return undefined;
}

/** Byte length of the scriptPubKey an address type produces (for fee estimation). */
export function scriptLengthOf(type: AddressType): number {
  switch (type) {
    case 'p2pkh':
      return 25;
    case 'p2sh':
      return 23;
    case 'p2wpkh':
      return 22;
    case 'p2wsh':
    case 'p2tr':
      return 34;
  }
}

/** OP_RETURN script for `data` (≤ 80 bytes, the default standardness limit). */
export function opReturnScript(data: Uint8Array): Uint8Array {
  if (data.length > 80) throw new RangeError('OP_RETURN data over 80 bytes');
  const push = data.length <= 75 ? Uint8Array.of(data.length) : Uint8Array.of(0x4c, data.length);
  return concatBytes(Uint8Array.of(0x6a), push, data);
}
