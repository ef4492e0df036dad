import { schnorr } from '@noble/curves/secp256k1.js';
import { Verifier } from 'bip322-js';
import { Transaction } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import vectors from '../../../test/vectors/bip322.json';
import { outputScript } from './address';
import { bip322MessageHash, bip322ToSign, bip322ToSpend, signMessageBip322Simple } from './bip322';
import { base64Decode, bytesToHex } from './encoding';
import { keyFromWif, testKey, testKeyring, ZERO32 } from './test-helpers';

describe('BIP322 message hash and virtual transactions (BIP vectors)', () => {
  it.each(vectors.txHashes)('$message', (v) => {
    expect(bytesToHex(bip322MessageHash(v.message))).toBe(v.messageHash);
    const toSpend = bip322ToSpend(outputScript(v.address, 'mainnet'), v.message);
    expect(toSpend.getId()).toBe(v.toSpendTxid);
    expect(bip322ToSign(toSpend).getId()).toBe(v.toSignTxid);
  });
});

describe('BIP322 simple, P2WPKH (BIP vectors)', () => {
  it.each(vectors.simpleP2wpkh)('$message', (v) => {
    const { privateKey, publicKey } = keyFromWif(v.wif);
    // Bitcoin Core grinds for low R: that gives the first listed signature.
    if (v.lowR) expect(signMessageBip322Simple(privateKey, publicKey, v.address, v.message, 'mainnet')).toBe(v.lowR);
    // Plain RFC6979 gives the other one.
    expect(signMessageBip322Simple(privateKey, publicKey, v.address, v.message, 'mainnet', { lowR: false })).toBe(v.other);
    for (const sig of [v.lowR, v.other]) if (sig) expect(Verifier.verifySignature(v.address, v.message, sig)).toBe(true);
  });
});

/** Our own check of a P2TR simple signature: Schnorr over the BIP341 sighash of to_sign, under the output key. */
function verifyP2trSimple(address: string, message: string, sigB64: string): boolean {
  const spk = outputScript(address, 'mainnet');
  const witness = base64Decode(sigB64);
  // witness = 01 <len> <sig>
  if (witness[0] !== 1) return false;
  const sig = witness.subarray(2, 2 + witness[1]!);
  const hashType = sig.length === 65 ? sig[64]! : Transaction.SIGHASH_DEFAULT;
  const hash = bip322ToSign(bip322ToSpend(spk, message)).hashForWitnessV1(0, [spk], [0n], hashType);
  return schnorr.verify(sig.subarray(0, 64), hash, spk.subarray(2));
}

describe('BIP322 simple, P2TR', () => {
  it.each(vectors.simpleP2tr)('BIP vector verifies under our to_sign sighash and bip322-js: $message', (v) => {
    expect(verifyP2trSimple(v.address, v.message, v.signature)).toBe(true);
    expect(verifyP2trSimple(v.address, `${v.message}.`, v.signature)).toBe(false);
    expect(Verifier.verifySignature(v.address, v.message, v.signature)).toBe(true);
  });

  it.each(vectors.simpleP2tr)('our signature for the vector key and message verifies: $message', (v) => {
    const { privateKey, publicKey } = keyFromWif(v.wif);
    for (const taprootSighash of ['default', 'all'] as const) {
      const sig = signMessageBip322Simple(privateKey, publicKey, v.address, v.message, 'mainnet', { taprootSighash });
      expect(base64Decode(sig)[1]).toBe(taprootSighash === 'all' ? 65 : 64);
      expect(verifyP2trSimple(v.address, v.message, sig)).toBe(true);
      expect(Verifier.verifySignature(v.address, v.message, sig)).toBe(true);
    }
  });

  it('is deterministic with a fixed aux rand and random by default', () => {
    const v = vectors.simpleP2tr[0]!;
    const { privateKey, publicKey } = keyFromWif(v.wif);
    const a = signMessageBip322Simple(privateKey, publicKey, v.address, 'm', 'mainnet', { auxRand: ZERO32 });
    expect(signMessageBip322Simple(privateKey, publicKey, v.address, 'm', 'mainnet', { auxRand: ZERO32 })).toBe(a);
    expect(signMessageBip322Simple(privateKey, publicKey, v.address, 'm', 'mainnet')).not.toBe(a);
  });
});

describe('BIP322 with wallet keys (bip322-js as independent verifier)', () => {
  const kr = testKeyring();
  for (const network of ['mainnet', 'testnet4'] as const) {
    for (const type of ['p2wpkh', 'p2tr'] as const) {
      it(`${type} on ${network}`, () => {
        const k = testKey(kr, type, network);
        for (const m of ['', 'Hello World', 'login nonce 9f2c…', '测试 😄']) {
          const sig = signMessageBip322Simple(k.privateKey, k.publicKey, k.address, m, network);
          expect(Verifier.verifySignature(k.address, m, sig)).toBe(true);
          expect(Verifier.verifySignature(k.address, `${m}x`, sig)).toBe(false);
        }
      });
    }
  }

  it('refuses an address that is not the key’s', () => {
    const a = testKey(kr, 'p2wpkh', 'mainnet');
    const b = testKey(kr, 'p2wpkh', 'mainnet', 0, 1);
    const t = testKey(kr, 'p2tr', 'mainnet');
    expect(() => signMessageBip322Simple(a.privateKey, a.publicKey, b.address, 'm', 'mainnet')).toThrow(/does not belong/);
    expect(() => signMessageBip322Simple(a.privateKey, a.publicKey, t.address, 'm', 'mainnet')).toThrow(/does not belong/);
    expect(() => signMessageBip322Simple(a.privateKey, a.publicKey, a.address, 'm', 'testnet4')).toThrow(/network/);
    expect(() =>
      signMessageBip322Simple(a.privateKey, a.publicKey, '1F3sAm6ZtwLAUnj7d38pGFxtP3RVEvtsbV', 'm', 'mainnet'),
    ).toThrow(/p2wpkh and p2tr/);
  });
});
