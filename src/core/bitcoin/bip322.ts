// BIP322 "simple" message signatures for P2WPKH and single-key P2TR: sign
// the virtual to_sign transaction that spends to_spend (whose output is the
// address's script, committing to the tagged message hash), and return the
// witness stack, base64-encoded.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { crypto as bjsCrypto, script as bjsScript, Transaction } from 'bitcoinjs-lib';
import type { BtcNetworkName } from '../keyring/networks';
import { outputScript, scriptType } from './address';
import { scriptForKey } from './own-script';
import { bytesEqual, bytesToBase64, concatBytes, encodeWitness } from './encoding';
import { signEcdsa, signSchnorr } from './sign';
import { taggedHash, tweakPrivateKey } from './taproot';

/** sha256_tag("BIP0322-signed-message", m), m as raw bytes (UTF-8 for strings). */
export function bip322MessageHash(message: string | Uint8Array): Uint8Array {
  return taggedHash('BIP0322-signed-message', typeof message === 'string' ? utf8ToBytes(message) : message);
}

export function bip322ToSpend(scriptPubKey: Uint8Array, message: string | Uint8Array): Transaction {
  const tx = new Transaction();
  tx.version = 0;
  tx.locktime = 0;
  // scriptSig = OP_0 PUSH32[message_hash]
  tx.addInput(new Uint8Array(32), 0xffffffff, 0, concatBytes(Uint8Array.of(0x00, 0x20), bip322MessageHash(message)));
  tx.addOutput(scriptPubKey, 0n);
  return tx;
}

export function bip322ToSign(toSpend: Transaction): Transaction {
  const tx = new Transaction();
  tx.version = 0;
  tx.locktime = 0;
  tx.addInput(toSpend.getHash(), 0, 0);
  tx.addOutput(Uint8Array.of(0x6a), 0n); // OP_RETURN
  return tx;
}

export interface Bip322Options {
  /** BIP340 aux randomness for P2TR (default random). */
  auxRand?: Uint8Array;
  /** P2TR sighash: 'default' (64-byte signature, what wallets emit) or 'all' (65 bytes). */
  taprootSighash?: 'default' | 'all';
  /** Grind ECDSA for a 71-byte signature like Bitcoin Core (default true). */
  lowR?: boolean;
}

/**
 * BIP322 simple signature by the key behind `address`. Throws unless the
 * address is the P2WPKH or BIP86 P2TR address of `publicKey` on `network`.
 */
export function signMessageBip322Simple(
  privateKey: Uint8Array,
  publicKey: Uint8Array,
  address: string,
  message: string | Uint8Array,
  network: BtcNetworkName,
  opts: Bip322Options = {},
): string {
  const spk = outputScript(address, network);
  const type = scriptType(spk);
  if (type !== 'p2wpkh' && type !== 'p2tr') throw new Error(`BIP322 signing supports p2wpkh and p2tr, not ${type ?? 'this address'}`);
  if (!bytesEqual(spk, scriptForKey(publicKey, type))) throw new Error('Address does not belong to this key');
  const toSign = bip322ToSign(bip322ToSpend(spk, message));

  if (type === 'p2wpkh') {
    const scriptCode = concatBytes(Uint8Array.of(0x76, 0xa9, 0x14), bjsCrypto.hash160(publicKey), Uint8Array.of(0x88, 0xac));
    const hash = toSign.hashForWitnessV0(0, scriptCode, 0n, Transaction.SIGHASH_ALL);
    const sig = bjsScript.signature.encode(signEcdsa(hash, privateKey, opts.lowR ?? true), Transaction.SIGHASH_ALL);
    return bytesToBase64(encodeWitness([sig, publicKey]));
  }
  const hashType = opts.taprootSighash === 'all' ? Transaction.SIGHASH_ALL : Transaction.SIGHASH_DEFAULT;
  const hash = toSign.hashForWitnessV1(0, [spk], [0n], hashType);
  const tweaked = tweakPrivateKey(privateKey);
  try {
    const sig = signSchnorr(hash, tweaked, opts.auxRand);
    return bytesToBase64(encodeWitness([hashType === Transaction.SIGHASH_ALL ? concatBytes(sig, Uint8Array.of(1)) : sig]));
  } finally {
    tweaked.fill(0);
  }
}
