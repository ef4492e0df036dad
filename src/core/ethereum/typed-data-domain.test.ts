import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';
import { checkedAddress, parseDomain } from './typed-data-domain';

const VC = '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC';

describe('parseDomain', () => {
  it('keeps the canonical keys present when EIP712Domain is not declared', () => {
    expect(parseDomain({ chainId: '0x1', name: 'X', verifyingContract: VC.toLowerCase(), extra: 1 }, undefined, 1n)).toEqual({
      name: 'X',
      chainId: 1n,
      verifyingContract: VC,
    });
  });

  it('treats null values as absent', () => {
    expect(parseDomain({ name: 'X', version: null, chainId: null }, undefined, 1n)).toEqual({ name: 'X' });
  });

  it('keeps only declared keys when EIP712Domain is declared', () => {
    const declared = [
      { name: 'name', type: 'string' },
      { name: 'verifyingContract', type: 'address' },
    ];
    expect(parseDomain({ name: 'X', version: '2', verifyingContract: VC }, declared, 1n)).toEqual({ name: 'X', verifyingContract: VC });
  });

  it('accepts an empty declared domain', () => {
    expect(parseDomain({}, [], 1n)).toEqual({});
  });

  it('refuses a chainId for another chain, declared or not', () => {
    expect(() => parseDomain({ chainId: 1 }, [], 137n)).toThrow('chainId 1 does not match the current chain 137');
    expect(() => parseDomain({ chainId: 1 }, undefined, 137n)).toThrow(InvalidParamsError);
  });

  it('refuses a salt that is not 32 bytes', () => {
    expect(() => parseDomain({ salt: '0x1234' }, undefined, 1n)).toThrow(/salt must be 32 bytes/);
  });

  it('refuses a non-string version', () => {
    expect(() => parseDomain({ version: 1 }, undefined, 1n)).toThrow(/domain.version must be a string/);
  });

  it('does not read inherited properties', () => {
    expect(() => parseDomain(Object.create({ name: 'inherited' }) as Record<string, unknown>, [{ name: 'name', type: 'string' }], 1n)).toThrow(
      /domain.name is missing/,
    );
  });
});

describe('checkedAddress', () => {
  it('checksums any-case addresses', () => {
    expect(checkedAddress(VC.toLowerCase(), 'x')).toBe(VC);
    expect(checkedAddress(VC, 'x')).toBe(VC);
  });
  it('refuses a bad checksum, ICAP and non-addresses', () => {
    expect(() => checkedAddress(`${VC.slice(0, -1)}c`, 'a.b')).toThrow(/a.b has an invalid address checksum/);
    expect(() => checkedAddress('XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS', 'a')).toThrow(/20-byte address/);
    expect(() => checkedAddress(42, 'a')).toThrow(InvalidParamsError);
  });
});
