import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import eip55 from '../../../test/vectors/eip55.json';
import anvil from '../../../test/vectors/eth-anvil.json';
import { ethAddressFromPublicKey, ethAddressFromUncompressed, toChecksumAddress } from './eth-address';
import { hexToBytes } from './test-utils';

const ALL = [...eip55.allCaps, ...eip55.allLower, ...eip55.normal];
const accounts = anvil.accounts as [address: string, privateKey: string][];

describe('toChecksumAddress (EIP-55 test cases)', () => {
  it.each(ALL)('%s', (addr) => {
    expect(toChecksumAddress(addr.toLowerCase())).toBe(addr);
    expect(toChecksumAddress(addr.toUpperCase().replace('0X', '0x'))).toBe(addr);
    expect(toChecksumAddress(addr.slice(2))).toBe(addr); // without 0x
    expect(toChecksumAddress(addr)).toBe(addr); // idempotent
  });

  it('rejects anything that is not 20 hex bytes', () => {
    for (const bad of ['', '0x', '0x1234', `0x${'g'.repeat(40)}`, `0x${'a'.repeat(41)}`, `0X${'a'.repeat(40)}`]) {
      expect(() => toChecksumAddress(bad)).toThrow(TypeError);
    }
  });
});

describe('ethAddressFromPublicKey (anvil default accounts)', () => {
  it.each(accounts)('%s', (address, privateKey) => {
    const priv = hexToBytes(privateKey.slice(2));
    const compressed = secp256k1.getPublicKey(priv, true);
    const uncompressed = secp256k1.getPublicKey(priv, false);
    expect(ethAddressFromPublicKey(compressed)).toBe(address);
    expect(ethAddressFromPublicKey(uncompressed)).toBe(address);
    expect(ethAddressFromPublicKey(uncompressed.subarray(1))).toBe(address); // raw 64-byte X||Y
    expect(ethAddressFromUncompressed(uncompressed)).toBe(address);
  });

  it('rejects keys that are not on the curve or have the wrong size', () => {
    const notOnCurve = new Uint8Array(33).fill(0xff);
    notOnCurve[0] = 0x02;
    expect(() => ethAddressFromPublicKey(notOnCurve)).toThrow();
    expect(() => ethAddressFromPublicKey(new Uint8Array(32))).toThrow();
    expect(() => ethAddressFromUncompressed(new Uint8Array(33))).toThrow(TypeError);
  });
});
