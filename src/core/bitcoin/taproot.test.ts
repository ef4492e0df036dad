import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import { Transaction } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import bip86 from '../../../test/vectors/bip86.json';
import v from '../../../test/vectors/bip341-keypath.json';
import { bytesToHex, hexToBytes } from './encoding';
import { scriptForKey } from './own-script';
import { signSchnorr } from './sign';
import { tapTweak, taggedHash, toXOnly, tweakPrivateKey, tweakPublicKey } from './taproot';
import { testKeyring, ZERO32 } from './test-helpers';

describe('TapTweak (BIP341 wallet vectors)', () => {
  it('key-only output: tweak, output key and scriptPubKey', () => {
    const k = v.scriptPubKeyKeyOnly;
    const internal = hexToBytes(k.internalPubkey);
    expect(bytesToHex(tapTweak(internal))).toBe(k.tweak);
    expect(bytesToHex(tweakPublicKey(internal).xOnly)).toBe(k.tweakedPubkey);
    // Either parity prefix names the same x-only internal key.
    expect(bytesToHex(scriptForKey(Uint8Array.of(2, ...internal), 'p2tr'))).toBe(k.scriptPubKey);
  });

  it.each(v.keyPathSpending.inputSpending)('input $txinIndex: tweaked secret, sighash and zero-aux signature', (c) => {
    const priv = hexToBytes(c.internalPrivkey);
    const root = c.merkleRoot ? hexToBytes(c.merkleRoot) : null;
    expect(bytesToHex(tapTweak(hexToBytes(c.internalPubkey), root))).toBe(c.tweak);
    const tweaked = tweakPrivateKey(priv, root);
    expect(bytesToHex(tweaked)).toBe(c.tweakedPrivkey);

    const tx = Transaction.fromHex(v.keyPathSpending.rawUnsignedTx);
    const utxos = v.keyPathSpending.utxosSpent;
    const hash = tx.hashForWitnessV1(
      c.txinIndex,
      utxos.map((u) => hexToBytes(u.scriptPubKey)),
      utxos.map((u) => BigInt(u.amountSats)),
      c.hashType,
    );
    expect(bytesToHex(hash)).toBe(c.sigHash);
    const sig = signSchnorr(hash, tweaked, ZERO32);
    const suffix = c.hashType === 0 ? '' : c.hashType.toString(16).padStart(2, '0');
    expect(bytesToHex(sig) + suffix).toBe(c.witness);
    // The signature verifies under the spent output's key.
    expect(schnorr.verify(sig, hash, hexToBytes(utxos[c.txinIndex]!.scriptPubKey).subarray(2))).toBe(true);
  });
});

describe('BIP86 key-path keys', () => {
  const kr = testKeyring();

  it.each(bip86.addresses)('$path: output key from the internal key, and from the tweaked secret', (a) => {
    const n = kr.btcNode(86, 'mainnet', 0, a.change as 0 | 1, a.index);
    expect(bytesToHex(toXOnly(n.publicKey))).toBe(a.internal_key);
    expect(bytesToHex(tweakPublicKey(toXOnly(n.publicKey)).xOnly)).toBe(a.output_key);
    expect(bytesToHex(scriptForKey(n.publicKey, 'p2tr'))).toBe(a.scriptPubKey);
    expect(bytesToHex(schnorr.getPublicKey(tweakPrivateKey(n.privateKey)))).toBe(a.output_key);
  });

  it('tweaked secret matches the output key for keys of both y parities', () => {
    const parities = new Set<number>();
    for (let i = 1; i <= 16; i++) {
      const priv = taggedHash('duowallet/test', Uint8Array.of(i));
      const full = secp256k1.getPublicKey(priv, true);
      parities.add(full[0]!);
      expect(bytesToHex(schnorr.getPublicKey(tweakPrivateKey(priv)))).toBe(bytesToHex(tweakPublicKey(toXOnly(full)).xOnly));
    }
    expect(parities).toEqual(new Set([2, 3])); // both the plain and the negated path ran
  });

  it('rejects malformed keys', () => {
    expect(() => toXOnly(new Uint8Array(31))).toThrow(TypeError);
    expect(() => tapTweak(new Uint8Array(33))).toThrow(TypeError);
    expect(() => tapTweak(new Uint8Array(32), new Uint8Array(31))).toThrow(TypeError);
    expect(() => tweakPrivateKey(new Uint8Array(32))).toThrow();
  });
});
