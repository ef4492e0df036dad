// Test-only helpers (imported by *.test.ts in this folder, never by the modules).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { HdKeyring } from '../keyring/derive';
import { p2trAddress, p2wpkhAddress } from '../keyring/btc-address';
import type { BtcNetworkName } from '../keyring/networks';
import { wifToPrivateKey } from '../keyring/test-utils';
import type { SendInput } from './build-send';
import type { KeyPath, OwnScriptType } from './types';

export { wifToPrivateKey };

export function keyFromWif(wif: string): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = wifToPrivateKey(wif);
  return { privateKey, publicKey: secp256k1.getPublicKey(privateKey, true) };
}

/** The 12-word phrase of BIP84/BIP86's own test vectors ("abandon … about"). */
export const TEST_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

export function testKeyring(): HdKeyring {
  return HdKeyring.fromMnemonic(TEST_MNEMONIC);
}

export interface TestKey {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  address: string;
  type: OwnScriptType;
  path: KeyPath;
}

export function testKey(
  kr: HdKeyring,
  type: OwnScriptType,
  network: BtcNetworkName,
  change: 0 | 1 = 0,
  index = 0,
  account = 0,
): TestKey {
  const purpose = type === 'p2wpkh' ? 84 : 86;
  const n = kr.btcNode(purpose, network, account, change, index);
  const address = type === 'p2wpkh' ? p2wpkhAddress(n.publicKey, network) : p2trAddress(n.publicKey, network);
  return { privateKey: n.privateKey, publicKey: n.publicKey, address, type, path: { purpose, change, index } };
}

let counter = 0;
/** A deterministic fake txid. */
export function fakeTxid(seed = ++counter): string {
  return seed.toString(16).padStart(64, 'a');
}

export function sendInput(k: TestKey, value: bigint, txid = fakeTxid(), vout = 0): SendInput {
  return {
    txid,
    vout,
    value,
    address: k.address,
    confirmed: true,
    scriptType: k.type,
    path: k.path,
    publicKey: k.publicKey,
  };
}

export const ZERO32 = new Uint8Array(32);
export const hex = hexToBytes;
