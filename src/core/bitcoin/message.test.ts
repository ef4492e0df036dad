import { Verifier } from 'bip322-js';
import { describe, expect, it } from 'vitest';
import vectors from '../../../test/vectors/bitcoin-message.json';
import { bitcoinMessageHash, signMessageEcdsa, verifyMessageEcdsa } from './message';
import { keyFromWif, testKey, testKeyring } from './test-helpers';

const { privateKey } = keyFromWif(vectors.wif);

describe('legacy message signing (bitcoinjs-message README vectors)', () => {
  it('hashes with the "Bitcoin Signed Message:\\n" prefix', () => {
    expect(bitcoinMessageHash('')).toHaveLength(32);
    expect(bitcoinMessageHash('a')).not.toEqual(bitcoinMessageHash('b'));
  });

  it.each(Object.entries(vectors.signatures))('header for %s', (type, expected) => {
    const sig = signMessageEcdsa(privateKey, vectors.message, { segwitType: type as 'p2pkh' | 'p2wpkh' | 'p2sh-p2wpkh' });
    expect(sig).toBe(expected);
  });

  it('defaults to a compressed P2WPKH (BIP137 39-42) header', () => {
    expect(signMessageEcdsa(privateKey, vectors.message)).toBe(vectors.signatures.p2wpkh);
  });

  it('Electrum style uses 31-34 for segwit', () => {
    const sig = signMessageEcdsa(privateKey, vectors.message, { segwitType: 'p2wpkh', headerStyle: 'electrum' });
    expect(sig).toBe(vectors.signatures.p2pkh);
  });

  it('uncompressed keys: header 27-30, P2PKH only', () => {
    const sig = signMessageEcdsa(privateKey, vectors.message, { compressed: false, segwitType: 'p2pkh' });
    expect(atob(sig).charCodeAt(0)).toBeGreaterThanOrEqual(27);
    expect(atob(sig).charCodeAt(0)).toBeLessThanOrEqual(30);
    expect(() => signMessageEcdsa(privateKey, 'x', { compressed: false })).toThrow(/compressed/);
  });

  it('verifies the README signature against its P2PKH address', () => {
    expect(verifyMessageEcdsa(vectors.p2pkhAddress, vectors.message, vectors.signatures.p2pkh, 'mainnet')).toBe(true);
    expect(verifyMessageEcdsa(vectors.p2pkhAddress, 'other', vectors.signatures.p2pkh, 'mainnet')).toBe(false);
    expect(verifyMessageEcdsa(vectors.p2pkhAddress, vectors.message, 'not base64!', 'mainnet')).toBe(false);
  });
});

describe('legacy signatures from our keys, checked by bip322-js (bitcoinjs-message inside)', () => {
  const kr = testKeyring();
  const k = testKey(kr, 'p2wpkh', 'mainnet');
  const messages = ['', 'Hello World', 'UTF-8 ✓ 测试 😄', 'x'.repeat(1000)];

  it.each(messages)('BIP137 P2WPKH header, strict verification: %#', (m) => {
    const sig = signMessageEcdsa(k.privateKey, m);
    expect(atob(sig).charCodeAt(0)).toBeGreaterThanOrEqual(39);
    expect(Verifier.verifySignature(k.address, m, sig, true)).toBe(true);
    expect(verifyMessageEcdsa(k.address, m, sig, 'mainnet')).toBe(true);
    expect(Verifier.verifySignature(k.address, `${m}!`, sig, true)).toBe(false);
  });

  it('Electrum-style header verifies in loose mode and with our verifier', () => {
    const sig = signMessageEcdsa(k.privateKey, 'electrum', { headerStyle: 'electrum' });
    expect(Verifier.verifySignature(k.address, 'electrum', sig, false)).toBe(true);
    expect(verifyMessageEcdsa(k.address, 'electrum', sig, 'mainnet')).toBe(true);
  });

  it('a P2WPKH-header signature does not verify for another address', () => {
    const other = testKey(kr, 'p2wpkh', 'mainnet', 0, 1);
    const sig = signMessageEcdsa(k.privateKey, 'm');
    expect(verifyMessageEcdsa(other.address, 'm', sig, 'mainnet')).toBe(false);
    expect(Verifier.verifySignature(other.address, 'm', sig, true)).toBe(false);
  });
});
